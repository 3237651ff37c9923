#include "libsomatic/sig/extract.hpp"

#include <doctest/doctest.h>

#include "libsomatic/core/error.hpp"
#include "libsomatic/sig/random.hpp"

using namespace somatic::sig;

TEST_CASE("extracted signature names") {
    const auto n = extracted_names(28);
    CHECK(n[0] == "SBS96A");
    CHECK(n[25] == "SBS96Z");
    CHECK(n[26] == "SBS96AA");
    CHECK(n[27] == "SBS96AB");
}

TEST_CASE("nearest reference signature") {
    SignatureSet ref;
    ref.names = {"X", "Y"};
    ref.matrix = Eigen::MatrixXd::Zero(96, 2);
    ref.matrix(0, 0) = 1;
    ref.matrix(1, 1) = 1;
    Eigen::MatrixXd e = Eigen::MatrixXd::Zero(96, 1);
    e(0, 0) = 1;  // (1, 1) / sqrt(2) direction against Y: cos 1/sqrt(2)
    e(1, 0) = 1;
    e(2, 0) = 0;
    auto n = nearest_signatures(e, ref);
    CHECK(n[0].cosine == doctest::Approx(1 / std::sqrt(2.0)));
    e(1, 0) = 2;  // now closer to Y: cos 2/sqrt(5)
    n = nearest_signatures(e, ref);
    CHECK(n[0].name == "Y");
    CHECK(n[0].cosine == doctest::Approx(2 / std::sqrt(5.0)));
}

TEST_CASE("extract: two disjoint signatures, K = 2 chosen, the same at 1 and 3 threads") {
    Eigen::MatrixXd W0 = Eigen::MatrixXd::Zero(96, 2);
    for (int i = 0; i < 48; ++i) {
        W0(i, 0) = 1 + i % 5;
        W0(48 + i, 1) = 1 + (i * 7) % 3;
    }
    W0.col(0) /= W0.col(0).sum();
    W0.col(1) /= W0.col(1).sum();
    Rng rng(5, 0);
    Eigen::MatrixXd V(96, 12);
    for (int s = 0; s < 12; ++s) {
        const double share = rng.uniform();
        V.col(s) = multinomial(rng, 1000, share * W0.col(0) + (1 - share) * W0.col(1));
    }
    ExtractOptions o;
    o.min_k = 1;
    o.max_k = 3;
    o.restarts = 6;
    o.threads = 1;
    const Extraction a = extract_signatures(V, o);
    CHECK(a.ranks[a.chosen].k == 2);
    o.threads = 3;
    const Extraction b = extract_signatures(V, o);
    CHECK(a.ranks[a.chosen].signatures == b.ranks[b.chosen].signatures);
    CHECK(a.ranks[1].bic == b.ranks[1].bic);
    o.max_k = 12;
    CHECK_THROWS_AS(extract_signatures(V, o), somatic::Error);
}
