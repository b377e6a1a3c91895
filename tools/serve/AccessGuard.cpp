// carecap. SPDX-License-Identifier: MIT
#include "tools/serve/AccessGuard.hpp"

#include "tools/serve/ServerReply.hpp"

namespace carecap::serve {
namespace {

/// Equal strings, in a time that does not depend on where they differ.
bool same_secret(const std::string& a, const std::string& b) {
  if (a.size() != b.size()) return false;
  unsigned char differ = 0;
  for (std::size_t i = 0; i < a.size(); ++i) differ |= static_cast<unsigned char>(a[i] ^ b[i]);
  return differ == 0;
}

/// The host and port of a URL ("http://HOST:PORT/path" -> "HOST:PORT"); "" when it has no scheme.
std::string authority_of(const std::string& url) {
  const std::size_t scheme = url.find("://");
  if (scheme == std::string::npos) return "";
  const std::size_t start = scheme + 3;
  return url.substr(start, url.find_first_of("/?#", start) - start);
}

/// The host of a Host header, without its port ("[::1]:8080" -> "::1").
std::string host_name(const std::string& host) {
  if (!host.empty() && host.front() == '[') return host.substr(1, host.find(']') - 1);
  return host.substr(0, host.find(':'));
}

bool is_loopback_name(const std::string& name) {
  return name == "localhost" || name == "::1" || name.rfind("127.", 0) == 0;
}

/// The value of cookie `name` in the request's Cookie header; "" when absent.
std::string cookie(const httplib::Request& request, const std::string& name) {
  const std::string header = request.get_header_value("Cookie");
  for (std::size_t at = 0; at < header.size();) {
    const std::size_t end = std::min(header.find(';', at), header.size());
    std::string pair = header.substr(at, end - at);
    pair.erase(0, pair.find_first_not_of(' '));
    if (pair.rfind(name + "=", 0) == 0) return pair.substr(name.size() + 1);
    at = end + 1;
  }
  return "";
}

}  // namespace

AccessGuard::AccessGuard(std::optional<std::string> token, bool loopback) : token_(std::move(token)), loopback_(loopback) {}

bool AccessGuard::has_token(const httplib::Request& request) const {
  const std::string bearer = "Bearer ";
  const std::string authorization = request.get_header_value("Authorization");
  if (authorization.rfind(bearer, 0) == 0 && same_secret(authorization.substr(bearer.size()), *token_)) return true;
  return same_secret(cookie(request, kCookieName), *token_);
}

bool AccessGuard::admits(const httplib::Request& request, httplib::Response& response) const {
  const std::string host = request.get_header_value("Host");
  if (loopback_ && !token_ && !is_loopback_name(host_name(host))) {
    reply_error(response, 403, "serve.reply.host");
    return false;
  }
  if (token_ && !has_token(request)) {
    if (request.method == "GET" && request.path == "/" && request.has_param("token") &&
        same_secret(request.get_param_value("token"), *token_)) {  // the link printed for the planner, opened once
      response.set_header("Set-Cookie", std::string(kCookieName) + "=" + *token_ + "; Path=/; HttpOnly; SameSite=Strict");
      response.set_redirect("/", 303);
      return false;
    }
    reply_error(response, 401, "serve.reply.unauthorized");
    return false;
  }
  if (request.method == "POST") {
    const std::string origin = request.get_header_value("Origin");
    const std::string referer = request.get_header_value("Referer");
    const bool cross = !origin.empty() ? authority_of(origin) != host : !referer.empty() && authority_of(referer) != host;
    if (cross || host.empty()) {
      reply_error(response, 403, "serve.reply.cross_origin");
      return false;
    }
  }
  if (request.has_header("Transfer-Encoding")) {
    reply_error(response, 411, "serve.reply.length_required");
    response.set_header("Connection", "close");
    return false;
  }
  return true;
}

}  // namespace carecap::serve
