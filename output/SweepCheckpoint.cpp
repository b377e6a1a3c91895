// carecap. SPDX-License-Identifier: MIT
#include "output/SweepCheckpoint.hpp"

#include <algorithm>
#include <cstring>
#include <filesystem>

#include "output/ReplaceFile.hpp"
#include "sim/Errors.hpp"
#include "text/Catalogue.hpp"

namespace carecap::output {
namespace {

constexpr char kMagic[8] = {'C', 'C', 'S', 'W', 'E', 'E', 'P', '1'};
constexpr std::size_t kFingerprintBytes = 64;  // SHA-256 as hex
constexpr std::size_t kHeaderBytes = sizeof kMagic + kFingerprintBytes + 2 * sizeof(std::uint64_t);

std::uint64_t fnv1a(const char* bytes, std::size_t count, std::uint64_t hash = 1469598103934665603ull) {
  for (std::size_t i = 0; i < count; ++i) {
    hash ^= static_cast<unsigned char>(bytes[i]);
    hash *= 1099511628211ull;
  }
  return hash;
}

struct Header {
  std::string fingerprint;
  std::uint64_t width = 0, runs = 0;
};

bool read_header(std::ifstream& in, Header& header) {
  char magic[sizeof kMagic];
  char fingerprint[kFingerprintBytes];
  if (!in.read(magic, sizeof magic) || std::memcmp(magic, kMagic, sizeof magic) != 0) return false;
  if (!in.read(fingerprint, sizeof fingerprint)) return false;
  header.fingerprint.assign(fingerprint, sizeof fingerprint);
  return static_cast<bool>(in.read(reinterpret_cast<char*>(&header.width), sizeof header.width) &&
                           in.read(reinterpret_cast<char*>(&header.runs), sizeof header.runs));
}

std::size_t record_bytes(std::size_t width) { return 2 * sizeof(std::uint64_t) + width * sizeof(double); }

/// Reads records until the end or the first damaged one; returns the bytes of the good part.
std::uint64_t scan(std::ifstream& in, std::size_t width, std::uint64_t runs, const std::function<void(const SweepRecord&)>& visit) {
  std::vector<char> buffer(record_bytes(width));
  std::uint64_t good = kHeaderBytes;
  SweepRecord record;
  record.values.resize(width);
  while (in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()))) {
    const std::size_t body = buffer.size() - sizeof(std::uint64_t);
    std::uint64_t checksum = 0;
    std::memcpy(&checksum, buffer.data() + body, sizeof checksum);
    if (checksum != fnv1a(buffer.data(), body)) break;
    std::memcpy(&record.run, buffer.data(), sizeof record.run);
    if (record.run >= runs) break;
    std::memcpy(record.values.data(), buffer.data() + sizeof record.run, width * sizeof(double));
    visit(record);
    good += buffer.size();
  }
  return good;
}

}  // namespace

SweepCheckpoint SweepCheckpoint::create(const std::string& path, const std::string& fingerprint, std::size_t width,
                                        std::size_t runs) {
  SweepCheckpoint c(path, width, runs);
  std::string header(kMagic, sizeof kMagic);
  std::string padded = fingerprint;
  padded.resize(kFingerprintBytes, ' ');
  header += padded;
  const std::uint64_t w = width, n = runs;
  header.append(reinterpret_cast<const char*>(&w), sizeof w);
  header.append(reinterpret_cast<const char*>(&n), sizeof n);
  replace_file(path, [&](const std::string& temporary) { write_bytes(temporary, header.data(), header.size(), path); }, true);
  c.out_.open(path, std::ios::binary | std::ios::app);
  if (!c.out_) throw RuntimeFault(text::both("errors.checkpoint.cannot_append", {{"path", path}}));
  return c;
}

SweepCheckpoint SweepCheckpoint::resume(const std::string& path, const std::string& fingerprint, std::size_t width,
                                        std::size_t runs) {
  SweepCheckpoint c(path, width, runs);
  std::ifstream in(path, std::ios::binary);
  Header header;
  if (!in || !read_header(in, header))
    throw InputError(text::both("errors.checkpoint.not_a_checkpoint", {{"path", path}}));
  std::string padded = fingerprint;
  padded.resize(kFingerprintBytes, ' ');
  if (header.fingerprint != padded || header.width != width || header.runs != runs)
    throw InputError(text::both("errors.checkpoint.other_sweep", {{"path", path}}));
  const std::uint64_t good = scan(in, width, runs, [&](const SweepRecord& r) { c.done_[r.run] = true; });
  in.close();
  std::error_code error;
  std::filesystem::resize_file(path, good, error);  // drop a record cut short by the kill
  if (error) throw RuntimeFault(text::both("errors.checkpoint.cannot_cut", {{"path", path}, {"reason", error.message()}}));
  c.out_.open(path, std::ios::binary | std::ios::app);
  if (!c.out_) throw RuntimeFault(text::both("errors.checkpoint.cannot_append", {{"path", path}}));
  return c;
}

void SweepCheckpoint::append(const std::vector<SweepRecord>& records) {
  std::vector<char> buffer(record_bytes(width_));
  for (const SweepRecord& r : records) {
    std::memcpy(buffer.data(), &r.run, sizeof r.run);
    std::memcpy(buffer.data() + sizeof r.run, r.values.data(), width_ * sizeof(double));
    const std::size_t body = buffer.size() - sizeof(std::uint64_t);
    const std::uint64_t checksum = fnv1a(buffer.data(), body);
    std::memcpy(buffer.data() + body, &checksum, sizeof checksum);
    out_.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    done_[r.run] = true;
  }
  out_.flush();
  if (!out_) throw RuntimeFault(text::both("errors.checkpoint.append_failed", {{"path", path_}}));
}

void SweepCheckpoint::read_all(const std::string& path, std::size_t width, const std::function<void(const SweepRecord&)>& visit) {
  std::ifstream in(path, std::ios::binary);
  Header header;
  if (!in || !read_header(in, header)) throw RuntimeFault(text::both("errors.checkpoint.cannot_read", {{"path", path}}));
  scan(in, width, header.runs, visit);
}

bool SweepCheckpoint::is_absent(const std::string& path) {
  std::error_code error;
  const auto status = std::filesystem::status(path, error);
  if (!std::filesystem::exists(status)) return true;
  if (!std::filesystem::is_regular_file(status)) return false;
  const auto size = std::filesystem::file_size(path, error);
  if (error || size >= kHeaderBytes) return false;
  std::ifstream in(path, std::ios::binary);
  char start[sizeof kMagic] = {};
  const auto compared = static_cast<std::size_t>(std::min<std::uintmax_t>(size, sizeof kMagic));
  return in.read(start, static_cast<std::streamsize>(compared)) && std::memcmp(start, kMagic, compared) == 0;
}

void SweepCheckpoint::check_fingerprint(const std::string& path, const std::string& fingerprint) {
  if (fingerprint_of(path) != fingerprint)
    throw RuntimeFault(text::both("errors.checkpoint.changed", {{"path", path}}));
}

std::string SweepCheckpoint::fingerprint_of(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  Header header;
  if (!in || !read_header(in, header)) return "";
  return header.fingerprint.substr(0, header.fingerprint.find(' '));
}

}  // namespace carecap::output
