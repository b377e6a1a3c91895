// carecap. SPDX-License-Identifier: MIT
#pragma once
#include "text/Lang.hpp"

namespace carecap::tools {

/// The language a command speaks (its help, summaries, progress and errors): the last valid
/// `--lang zh|en` (or `--lang=zh|en`) on the command line, else the locale's
/// (text::lang_from_environment: LANG=zh_CN.UTF-8 gives Chinese). Read from argv before CLI11
/// builds the help, which is written in it. (For `report` and `export`, --lang also sets the
/// language of the page or workbook, whose default stays Chinese.)
[[nodiscard]] text::Lang command_language(int argc, const char* const* argv);

}  // namespace carecap::tools
