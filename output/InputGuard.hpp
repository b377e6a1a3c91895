// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <string>
#include <vector>

namespace carecap::output {

/// What an output is: a file replaced whole, or a folder replaced with everything in it.
enum class OutputKind { file, folder };

/// Throws InputError (one line, exit 2) when writing `output` would destroy one of `inputs`, the
/// files the command reads: the output is the same file (same device and inode, which catches
/// hard and symbolic links, or the same resolved path), or, for a folder, an input lies in it.
/// Called before any work, with or without --force, so that an input is never changed.
void check_not_an_input(const std::string& output, const std::vector<std::string>& inputs, OutputKind kind = OutputKind::file);

}  // namespace carecap::output
