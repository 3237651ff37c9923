// The subcommands of somatic-sig, one file each.
#pragma once

namespace somatic::sig_tool {

int run_catalogue(int argc, char** argv);
int run_fit(int argc, char** argv);
int run_extract(int argc, char** argv);

}  // namespace somatic::sig_tool
