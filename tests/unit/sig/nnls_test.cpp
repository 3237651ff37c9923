#include "libsomatic/sig/nnls.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "libsomatic/sig/catalogue.hpp"
#include "libsomatic/sig/random.hpp"
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

namespace {
// The least-squares objective of the best non-negative solution found by
// trying every passive set: each subset's unconstrained solution (by
// column-pivoted QR, which does not mind dependent columns) counts when it
// is non-negative. Independent of the active-set code under test.
double brute_force_objective(const Eigen::MatrixXd& A, const Eigen::VectorXd& b) {
    const auto k = A.cols();
    double best = b.squaredNorm();
    for (long mask = 1; mask < (1L << k); ++mask) {
        std::vector<Eigen::Index> cols;
        for (Eigen::Index j = 0; j < k; ++j) {
            if (mask & (1L << j)) cols.push_back(j);
        }
        Eigen::MatrixXd As(A.rows(), static_cast<Eigen::Index>(cols.size()));
        for (size_t i = 0; i < cols.size(); ++i) As.col(static_cast<Eigen::Index>(i)) = A.col(cols[i]);
        const Eigen::VectorXd x = As.colPivHouseholderQr().solve(b);
        if ((x.array() >= 0).all()) best = std::min(best, (As * x - b).squaredNorm());
    }
    return best;
}
}  // namespace

TEST_CASE("NNLS reaches the brute-force optimum, nearly dependent columns included") {
    Rng rng(3, 0);
    const auto check_against_brute_force = [](const Eigen::MatrixXd& A, const Eigen::VectorXd& b, double tolerance) {
        const auto r = nnls(A, b);
        CHECK(r.converged);
        CHECK((r.x.array() >= 0).all());
        CHECK((A * r.x - b).squaredNorm() == doctest::Approx(brute_force_objective(A, b)).epsilon(tolerance));
    };
    // Random non-negative columns: variables enter and leave the passive
    // set, so its factor is grown and rebuilt.
    for (int trial = 0; trial < 20; ++trial) {
        Eigen::MatrixXd A(20, 8);
        for (Eigen::Index i = 0; i < A.rows(); ++i) {
            for (Eigen::Index j = 0; j < A.cols(); ++j) A(i, j) = rng.uniform();
        }
        Eigen::VectorXd b(A.rows());
        for (Eigen::Index i = 0; i < b.size(); ++i) b(i) = 2 * rng.uniform() - 0.5;
        check_against_brute_force(A, b, 1e-9);
    }
    // Column 2 is the sum of the others up to 1e-7, and b lies near it: it
    // enters first, the column correlated with the residual follows, and the
    // third enters nearly dependent on the two (the factor's fallback). The
    // normal equations then have a condition number ~1e14, so only ~1e-7 of
    // the objective is meaningful; what matters is that the method ends (it
    // used to cycle to its iteration limit here) at a feasible near-optimum.
    for (int trial = 0; trial < 20; ++trial) {
        Eigen::MatrixXd A(20, 3);
        for (Eigen::Index i = 0; i < A.rows(); ++i) {
            A(i, 0) = rng.uniform();
            A(i, 1) = rng.uniform();
            A(i, 2) = A(i, 0) + A(i, 1) + 1e-7 * rng.uniform();
        }
        Eigen::VectorXd b(A.rows());
        for (Eigen::Index i = 0; i < b.size(); ++i) b(i) = A(i, 2) + 0.3 * (rng.uniform() - 0.5);
        check_against_brute_force(A, b, 1e-6);
    }
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
