// carecap. SPDX-License-Identifier: MIT
#include "tools/serve/ListenAddress.hpp"

#include <arpa/inet.h>

#include <cctype>

#include "sim/Errors.hpp"
#include "text/Catalogue.hpp"
#include "tools/serve/ServeLimits.hpp"

namespace carecap::serve {

bool ListenAddress::is_loopback() const {
  if (host == "localhost" || host == "::1") return true;
  in_addr v4{};
  if (::inet_pton(AF_INET, host.c_str(), &v4) == 1) return (ntohl(v4.s_addr) >> 24) == 127;
  return false;
}

ListenAddress parse_listen_address(const std::string& text) {
  const auto bad = [&] { return InputError(text::both("errors.serve.listen", {{"found", text}})); };
  ListenAddress address;
  std::string port;
  if (!text.empty() && text.front() == '[') {
    const std::size_t close = text.find(']');
    if (close == std::string::npos) throw bad();
    address.host = text.substr(1, close - 1);
    if (close + 1 < text.size()) {
      if (text[close + 1] != ':') throw bad();
      port = text.substr(close + 2);
      if (port.empty()) throw bad();
    }
  } else {
    const std::size_t colon = text.rfind(':');
    if (colon != std::string::npos && text.find(':') != colon) throw bad();  // bare IPv6: brackets needed
    address.host = text.substr(0, colon);
    if (colon != std::string::npos) {
      port = text.substr(colon + 1);
      if (port.empty()) throw bad();
    }
  }
  if (address.host.empty()) throw bad();
  for (char c : address.host)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == ':' || c == '-')) throw bad();
  address.port = kDefaultPort;
  if (!port.empty()) {
    if (port.size() > 5) throw bad();
    for (char c : port)
      if (!std::isdigit(static_cast<unsigned char>(c))) throw bad();
    address.port = std::stoi(port);
    if (address.port > 65535) throw bad();
  }
  return address;
}

}  // namespace carecap::serve
