// carecap. SPDX-License-Identifier: MIT
#include "tools/cli/ServeCommand.hpp"

#include <pthread.h>
#include <signal.h>

#include <atomic>
#include <cctype>
#include <fstream>
#include <iostream>
#include <thread>

#include "sim/Errors.hpp"
#include "text/Catalogue.hpp"
#include "tools/serve/ScenarioServer.hpp"

namespace carecap::tools {
namespace {

/// The token of --token-file: its first line without surrounding white space, 16..256 of
/// [A-Za-z0-9_-] (it travels in a header and a cookie as it is).
std::string read_token(const std::string& path) {
  std::ifstream in(path);
  std::string token;
  if (!in || !std::getline(in, token)) throw InputError(text::both("errors.serve.token_file", {{"path", path}}));
  const auto space = [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; };
  while (!token.empty() && space(token.back())) token.pop_back();
  while (!token.empty() && space(token.front())) token.erase(0, 1);
  if (token.empty()) throw InputError(text::both("errors.serve.token_file", {{"path", path}}));
  if (token.size() < 16 || token.size() > 256) throw InputError(text::both("errors.serve.token_words", {{"path", path}}));
  for (const char c : token)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_'))
      throw InputError(text::both("errors.serve.token_words", {{"path", path}}));
  return token;
}

std::string url_of(const serve::ListenAddress& address, int port) {
  const bool ipv6 = address.host.find(':') != std::string::npos;
  return "http://" + (ipv6 ? "[" + address.host + "]" : address.host) + ":" + std::to_string(port) + "/";
}

}  // namespace

void serve_command(const ServeOptions& options) {
  serve::ServeSettings settings;
  settings.listen = serve::parse_listen_address(options.listen);
  if (!settings.listen.is_loopback() && options.token_file.empty())
    throw InputError(text::both("errors.serve.token_required", {{"address", options.listen}}));
  if (!options.token_file.empty()) settings.token = read_token(options.token_file);
  settings.workspace = options.workspace;

  // SIGINT and SIGTERM are taken by one thread that stops the server, not by whichever thread
  // they land on: blocked here, before the server's threads start (they inherit the mask).
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  serve::ScenarioServer server(settings);
  const int port = server.bind();
  const std::string url = url_of(settings.listen, port);
  std::cout << text::say(options.lang, "cli.serve.open", {{"url", url}}) << std::endl;  // the first line: tests read the port
  if (settings.token) std::cout << text::say(options.lang, "cli.serve.token_note", {{"url", url}}) << std::endl;

  std::atomic<bool> listening{true};
  std::thread watcher([&] {
    int signal = 0;
    sigwait(&stop_signals, &signal);
    if (listening) server.stop();
  });
  server.listen();
  listening = false;
  pthread_kill(watcher.native_handle(), SIGTERM);  // ends the watcher's wait if no signal came
  watcher.join();
  std::cout << text::say(options.lang, "cli.serve.stopped") << std::endl;
}

}  // namespace carecap::tools
