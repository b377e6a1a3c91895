// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <optional>
#include <string>

#include <httplib.h>

namespace carecap::serve {

/// The checks every request passes before it is routed (and before its body is read):
/// - a token, when the server has one: `Authorization: Bearer TOKEN`, or the cookie that opening
///   `/?token=TOKEN` once sets (HttpOnly, SameSite=Strict); else 401;
/// - on a loopback address without a token, a Host header naming a loopback host, so that a web
///   page elsewhere cannot reach the server through a name of its own pointed at 127.0.0.1 (DNS
///   rebinding); else 403. With a token (behind a reverse proxy that keeps the planners' Host) the
///   token is what such a page lacks;
/// - a POST whose Origin (or, without one, Referer) is not this server's Host is refused (403): a
///   page of another site cannot make a planner's browser change the workspace. A request with
///   neither (a script, curl) passes: only a browser carries the planner's cookie;
/// - a body sent in chunks (no Content-Length) is refused (411): the size limit is checked on the
///   Content-Length, before a byte of the body is read (kMaxRequestBytes, 413 by cpp-httplib).
class AccessGuard {
public:
  AccessGuard(std::optional<std::string> token, bool loopback);

  /// Whether `request` may go on to its route; if not, `response` holds the refusal.
  [[nodiscard]] bool admits(const httplib::Request& request, httplib::Response& response) const;

  /// The cookie that carries the token.
  static constexpr const char* kCookieName = "carecap_token";

private:
  [[nodiscard]] bool has_token(const httplib::Request& request) const;

  std::optional<std::string> token_;
  bool loopback_;
};

}  // namespace carecap::serve
