// The subcommands of somatic-cnv, one file each; main.cpp dispatches.
#pragma once

namespace somatic::cnv_tool {

int run_bins(int argc, char** argv);
int run_reference(int argc, char** argv);
int run_ratio(int argc, char** argv);
int run_baf(int argc, char** argv);
int run_segment(int argc, char** argv);
int run_fit(int argc, char** argv);
int run_all(int argc, char** argv);

}  // namespace somatic::cnv_tool
