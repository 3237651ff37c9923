#include "libsomatic/sig/nnls.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "libsomatic/sig/catalogue.hpp"
#include "libsomatic/sig/signatures.hpp"
#include "shared_data.hpp"

using namespace somatic::sig;

TEST_CASE("NNLS: a case solved by hand") {
    Eigen::MatrixXd A(3, 2);
    A << 1, 0, 0, 1, 1, 1;
    // Unconstrained optimum (4/3, 1/3) is feasible: NNLS returns it.
    Eigen::VectorXd b(3);
    b << 2, 1, 1;
    auto r = nnls(A, b);
    CHECK(r.x(0) == doctest::Approx(4.0 / 3).epsilon(1e-12));
    CHECK(r.x(1) == doctest::Approx(1.0 / 3).epsilon(1e-12));
    // Unconstrained optimum (5/3, -4/3): the bound binds, x = (1, 0), and the
    // dual A'(b - Ax) = (0, -2) certifies it.
    b << 2, -1, 0;
    r = nnls(A, b);
    CHECK(r.converged);
    CHECK(r.x(0) == doctest::Approx(1.0).epsilon(1e-12));
    CHECK(r.x(1) == 0.0);
    // All negative: x = 0.
    b << -1, -1, -1;
    CHECK(nnls(A, b).x.isZero());
}

TEST_CASE("NNLS equals MutationalPatterns' fit_to_signatures on 9 real samples") {
    const std::string data = somatic::testing::shared_data();
    if (data.empty()) {
        MESSAGE("skipped: ../shared/data is absent");
        return;
    }
    const std::string dir = data + "/signature_truth/mutationalpatterns/";
    // The table as MutationalPatterns used it: not renormalised.
    const auto table = read_channel_table(dir + "cosmic_v3.2_GRCh37_SBS_noartefacts_60sigs_used.tsv", "signature table");
    const SignatureSet sigs{table.columns, table.values};
    const auto cat = read_channel_table(dir + "mut_mat_9samples_SBS96.tsv", "catalogue");
    // Their exposures: rows signatures, columns samples.
    std::ifstream in(dir + "fit_to_signatures_contribution.tsv");
    std::string line;
    std::getline(in, line);
    std::map<std::string, std::vector<double>> expected;
    while (std::getline(in, line)) {
        std::istringstream ss(line);
        std::string name, v;
        std::getline(ss, name, '\t');
        while (std::getline(ss, v, '\t')) expected[name].push_back(std::stod(v));
    }
    REQUIRE(expected.size() == sigs.names.size());
    double worst = 0;
    for (Eigen::Index s = 0; s < cat.values.cols(); ++s) {
        const auto r = nnls(sigs.matrix, cat.values.col(s));
        REQUIRE(r.converged);
        for (size_t j = 0; j < sigs.names.size(); ++j) {
            const double want = expected.at(sigs.names[j])[static_cast<size_t>(s)];
            worst = std::max(worst, std::fabs(r.x(static_cast<Eigen::Index>(j)) - want));
        }
    }
    MESSAGE("largest difference from MutationalPatterns: " << worst << " mutations");
    CHECK(worst < 1e-6);
}
