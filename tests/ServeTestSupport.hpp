// carecap. SPDX-License-Identifier: MIT
// The harness of the `carecap serve` tests: the binary started on a free port as a child process,
// driven with cpp-httplib's client.
#pragma once
#include <doctest/doctest.h>
#include <httplib.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <regex>
#include <thread>

#include "CliRunner.hpp"

namespace carecap::testing {

/// `carecap serve` running as a child process, stopped with SIGTERM when the object goes.
class Server {
public:
  explicit Server(const std::vector<std::string>& extra) {
    int out[2];
    REQUIRE(::pipe(out) == 0);
    pid_ = ::fork();
    REQUIRE(pid_ >= 0);
    if (pid_ == 0) {
      ::prctl(PR_SET_PDEATHSIG, SIGTERM);  // a test that dies (a failed REQUIRE under a sanitizer) takes its server with it
      ::dup2(out[1], STDOUT_FILENO);
      ::close(out[0]);
      ::setenv("LC_ALL", "C", 1);
      std::vector<std::string> args{kBinary, "serve", "--listen", "127.0.0.1:0"};
      args.insert(args.end(), extra.begin(), extra.end());
      std::vector<char*> argv;
      for (std::string& arg : args) argv.push_back(arg.data());
      argv.push_back(nullptr);
      ::execv(kBinary.c_str(), argv.data());
      ::_exit(127);
    }
    ::close(out[1]);
    output_ = ::fdopen(out[0], "r");
    char line[512] = {};
    REQUIRE(std::fgets(line, sizeof line, output_) != nullptr);  // "open http://127.0.0.1:PORT/ in a browser ..."
    std::smatch port;
    const std::string first = line;
    REQUIRE(std::regex_search(first, port, std::regex(R"(http://127\.0\.0\.1:(\d+)/)")));
    port_ = std::stoi(port[1]);
  }
  ~Server() {
    ::kill(pid_, SIGTERM);
    int status = 0;
    ::waitpid(pid_, &status, 0);
    std::fclose(output_);
  }
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  [[nodiscard]] int port() const { return port_; }
  [[nodiscard]] std::string host() const { return "127.0.0.1:" + std::to_string(port_); }
  [[nodiscard]] httplib::Client client() const {
    httplib::Client client("127.0.0.1", port_);
    client.set_read_timeout(120, 0);
    client.set_url_encode(false);  // the paths below are sent as written, %2F and all
    return client;
  }
  /// The server's resident memory, in KiB (VmRSS of /proc/PID/status).
  [[nodiscard]] long resident_kib() const {
    const std::string status = read_file("/proc/" + std::to_string(pid_) + "/status");
    const std::size_t at = status.find("VmRSS:");
    REQUIRE(at != std::string::npos);
    return std::stol(status.substr(at + 6));
  }

private:
  pid_t pid_ = -1;
  FILE* output_ = nullptr;
  int port_ = 0;
};

/// The status of scenario `name` once its run is over (done or failed), polled for at most two minutes.
inline nlohmann::json finished_status(const Server& server, const std::string& name) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(2);
  for (;;) {
    const auto reply = server.client().Get("/api/scenarios/" + name + "/status");
    REQUIRE(reply);
    REQUIRE(reply->status == 200);
    const nlohmann::json status = nlohmann::json::parse(reply->body);
    if (status["state"] == "done" || status["state"] == "failed") return status;
    REQUIRE(std::chrono::steady_clock::now() < deadline);
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
}

}  // namespace carecap::testing
