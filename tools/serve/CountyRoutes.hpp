// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <httplib.h>

#include "tools/serve/Workspace.hpp"

namespace carecap::serve {

/// The routes of the new-county form (/work/notes/serve_contract.md):
///   GET  /api/county/schema        the form's fields, grids and advanced defaults, with their words
///   POST /api/county/paste         a table pasted from Excel/WPS as a grid's rows (422 naming an unknown header)
///   POST /api/county/check         the form written into a scratch folder and loaded as `carecap run` loads it
///   POST /api/county/save          the same, then renamed into WORKSPACE/NAME (201; 409 when it exists
///                                  without "replace", or is locked by a run or another save)
///   GET  /api/scenarios/NAME/form  the form a folder was made from (404 for a folder made otherwise)
void add_county_routes(httplib::Server& http, Workspace& workspace);

}  // namespace carecap::serve
