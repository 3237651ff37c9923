// The subcommands of somatic-msi, one file each.
#pragma once

namespace somatic::msi_tool {

int run_scan(int argc, char** argv);
int run_call(int argc, char** argv);

}  // namespace somatic::msi_tool
