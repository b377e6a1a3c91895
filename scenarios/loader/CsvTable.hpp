// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <array>
#include <cstdint>
#include <deque>
#include <fstream>
#include <limits>  // csv.h uses it and, without its thread, no longer includes it
#include <memory>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

// Blocks are read in the parser's thread: CsvByteSource keeps line bookkeeping the parser asks for.
#define CSV_IO_NO_THREAD
#include <libfccp/csv.h>

#include "sim/Errors.hpp"
#include "text/Catalogue.hpp"

namespace carecap::scenarios {

/// One data row of a CSV table: its 1-based line number in the file and its fields as text.
template <std::size_t N>
struct CsvRow {
  int line = 0;
  std::array<std::string, N> fields;
};

/// Allowed range of a numeric CSV field, checked by parse_number.
enum class NumberRule { any_finite, non_negative, positive };

/// Parses `text` as a finite number obeying `rule` and at most `highest` in magnitude; on
/// failure throws InputError "FILE:LINE: column 'NAME' expected ..., got 'TEXT'".
[[nodiscard]] double parse_number(const std::string& text, NumberRule rule, const std::string& file, int line,
                                  const std::string& column, double highest = 1e12);

/// Parses `text` as a whole number (e.g. a year or an age), same error form as parse_number.
[[nodiscard]] int parse_integer(const std::string& text, const std::string& file, int line,
                                const std::string& column);

/// A CSV file's bytes as the parser reads them, in blocks (libfccp asks for 16 MB at a time), so
/// that the first bad row is reported after reading only up to it. Each block is checked as it is
/// read: a UTF-8 byte-order mark is dropped (Excel's "CSV UTF-8"); bytes that are not UTF-8 (a
/// table saved as GBK) throw InputError naming the line and byte. A line break inside a quoted
/// field (Excel's Alt+Enter in a cell) is handed to the parser as a placeholder byte (0xFE for
/// CR, 0xFF for LF: never in UTF-8 text), so that the field stays on its row; `restore_breaks`
/// puts them back and `file_line` maps the parser's line numbers to the file's. Throws InputError
/// naming the file for a file that cannot be opened or read, or that is empty.
class CsvByteSource final : public io::ByteSourceBase {
public:
  explicit CsvByteSource(std::string path);
  int read(char* buffer, int size) override;
  /// The file line on which the parser's line `parser_line` starts (1-based): the parser's
  /// number plus the quoted line breaks before it. Calls must not go back to an earlier line.
  [[nodiscard]] int file_line(unsigned parser_line);

private:
  [[noreturn]] void refuse_byte(std::uint64_t offset, std::int64_t line) const;

  std::string path_;
  std::ifstream in_;
  bool quoted_ = false;      // inside a quoted field: a '"' toggles it, as libfccp reads quotes
  int remaining_ = 0;        // continuation bytes still due in the current UTF-8 sequence
  unsigned char low_ = 0x80, high_ = 0xBF;  // range of the next continuation byte
  std::uint64_t lead_offset_ = 0;  // offset of the current sequence's first byte
  std::int64_t lead_line_ = 1;     // and its line
  std::uint64_t offset_ = 0; // bytes handed to the parser so far (after the byte-order mark)
  std::int64_t line_ = 1;    // file line of the next byte
  unsigned parser_line_ = 1; // parser line of the next byte
  std::int64_t breaks_ = 0;  // quoted line breaks so far
  std::int64_t breaks_noted_ = 0;  // of them, those noted in break_lines_
  std::deque<std::pair<unsigned, std::int64_t>> break_lines_;  // (parser line, quoted breaks up to its end), for lines holding some
  std::int64_t breaks_before_ = 0;  // quoted breaks before the line last asked for
};

/// Hands the parser the bytes of a CsvByteSource it does not own: libfccp destroys its source
/// after the first block when the file is shorter, and the source's line bookkeeping is needed to the end.
class CsvByteSourceRef final : public io::ByteSourceBase {
public:
  explicit CsvByteSourceRef(CsvByteSource& source) : source_(source) {}
  int read(char* buffer, int size) override { return source_.read(buffer, size); }

private:
  CsvByteSource& source_;
};

/// Puts back the line breaks of a quoted field (see CsvByteSource).
void restore_breaks(std::string& field);

/// Converts an error of the parser to InputError "FILE:LINE: MESSAGE", LINE the file's.
[[noreturn]] void throw_csv_error(const io::error::base& error, const std::string& path, CsvByteSource& source);

/// The data rows of a CSV file with a header line, read one at a time as they are iterated
/// (once): iterate them, or convert them to a vector. Made by read_csv.
template <std::size_t N>
class CsvRows {
  using Reader = io::CSVReader<N, io::trim_chars<' ', '\t'>, io::double_quote_escape<',', '"'>>;
  struct State {
    std::string path;
    std::unique_ptr<CsvByteSource> source;
    std::unique_ptr<Reader> reader;
    CsvRow<N> row;
    bool done = false;
    std::size_t count = 0;
    void advance() {
      try {
        if (!std::apply([&](auto&... fields) { return reader->read_row(fields...); }, row.fields)) {
          done = true;
          if (count == 0) throw InputError(text::both("errors.csv.no_rows", {{"path", path}}));
          return;
        }
        row.line = source->file_line(reader->get_file_line());
      } catch (const io::error::base& error) {
        throw_csv_error(error, path, *source);
      }
      for (auto& field : row.fields) restore_breaks(field);
      ++count;
    }
  };

public:
  CsvRows(const std::string& path, const std::array<std::string, N>& columns, std::size_t optional_from)
      : state_(std::make_unique<State>()) {
    state_->path = path;
    state_->source = std::make_unique<CsvByteSource>(path);
    try {
      state_->reader = std::make_unique<Reader>(path, std::make_unique<CsvByteSourceRef>(*state_->source));
      const io::ignore_column policy = optional_from < N ? io::ignore_extra_column | io::ignore_missing_column
                                                         : io::ignore_extra_column;
      std::apply([&](const auto&... names) { state_->reader->read_header(policy, names...); }, columns);
    } catch (const io::error::base& error) {
      throw_csv_error(error, path, *state_->source);
    }
    for (std::size_t c = 0; c < optional_from && c < N; ++c)
      if (!state_->reader->has_column(columns[c]))
        throw InputError(text::both("errors.csv.no_column", {{"path", path}, {"column", columns[c]}}));
  }

  class iterator {
  public:
    using value_type = CsvRow<N>;
    explicit iterator(State* state) : state_(state) {}
    const CsvRow<N>& operator*() const { return state_->row; }
    const CsvRow<N>* operator->() const { return &state_->row; }
    iterator& operator++() {
      state_->advance();
      return *this;
    }
    bool operator!=(const iterator& o) const { return done() != o.done(); }
    bool operator==(const iterator& o) const { return done() == o.done(); }

  private:
    [[nodiscard]] bool done() const { return state_ == nullptr || state_->done; }
    State* state_;
  };

  /// Reads the first row: iterate once.
  iterator begin() const {
    if (state_->count == 0 && !state_->done) state_->advance();
    return iterator(state_.get());
  }
  iterator end() const { return iterator(nullptr); }
  /// Reads every row.
  operator std::vector<CsvRow<N>>() const {  // NOLINT: converts as the vector read_csv returned before streaming
    std::vector<CsvRow<N>> rows;
    for (const auto& row : *this) rows.push_back(row);
    return rows;
  }

private:
  std::unique_ptr<State> state_;
};

/// Reads the named columns of a CSV file with a header line (other columns are ignored), using
/// the Fast C++ CSV Parser, as the rows are iterated (CsvRows). Columns from index `optional_from`
/// on may be absent (their fields are then empty). A quoted field may hold line breaks; a row's
/// line is the file line it starts on. Throws InputError naming the file and line for a missing
/// file, a missing required column, or a row with too few or too many fields.
template <std::size_t N>
[[nodiscard]] CsvRows<N> read_csv(const std::string& path, const std::array<std::string, N>& columns,
                                  std::size_t optional_from = N) {
  return CsvRows<N>(path, columns, optional_from);
}

}  // namespace carecap::scenarios
