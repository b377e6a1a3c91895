// carecap. SPDX-License-Identifier: MIT
#include "ReferenceLoop.hpp"

#include <algorithm>
#include <boost/random/exponential_distribution.hpp>
#include <boost/random/mersenne_twister.hpp>
#include <boost/random/uniform_01.hpp>
#include <cmath>
#include <deque>
#include <limits>
#include <random>
#include <vector>

namespace carecap::bench {
namespace {

using Engine = boost::random::mt19937_64;  // carecap's sim::RandomEngine

constexpr double kNever = std::numeric_limits<double>::infinity();
/// Events per day of the cyclic calendar (day width x event rate): Brown's rule of thumb, about 3,
/// also the fastest of 0.5-20 on the province model.
constexpr double kEventsPerDay = 3.0;
/// Events per day of the run-long calendar: 150-300 were fastest of 40-600 on the province model.
constexpr double kEventsPerBucket = 200.0;

/// What an event does. Same-time order as carecap's SameTimeOrder: departure 1, arrival 3, leave 4.
enum class Kind : std::uint16_t { departure = 1, arrival = 3, leave_waiting = 4 };

/// A scheduled event, ordered by (time, rank); rank = same-time order << 56 | insertion counter.
struct Event {
  double time = 0.0;          // years
  std::uint64_t rank = 0;
  std::uint64_t payload = 0;  // departure: dies in care (1/0); leave: the waiting person's tag
  std::uint32_t target = 0;   // pool
  Kind kind = Kind::arrival;
};

bool earlier(const Event& a, const Event& b) { return a.time < b.time || (a.time == b.time && a.rank < b.rank); }

/// Expected events per year, for sizing the calendars: an arrival and a departure per person, and
/// some leave events.
double expected_events_per_year(const ReferenceModel& model) {
  return std::max(2.2 * model.arrivals_per_year * model.pools, 1.0);
}

/// Binary heap of events (the standard library's heap algorithms).
class HeapQueue {
public:
  explicit HeapQueue(const ReferenceModel& /*model*/) {}
  void push(const Event& e) {
    heap_.push_back(e);
    std::push_heap(heap_.begin(), heap_.end(), later);
  }
  [[nodiscard]] bool empty() const { return heap_.empty(); }
  Event pop() {
    std::pop_heap(heap_.begin(), heap_.end(), later);
    const Event e = heap_.back();
    heap_.pop_back();
    return e;
  }

private:
  static bool later(const Event& a, const Event& b) { return earlier(b, a); }
  std::vector<Event> heap_;
};

/// Calendar queue (R. Brown, CACM 31(10), 1988), fixed size: a cyclic year of 2^k days, each day a
/// list of events sorted by (time, rank) in a node arena. A pop takes the head of the current day if
/// it falls in this cycle's day, else moves to the next day; after a whole empty cycle it jumps to
/// the earliest head. Sized once from the model: about as many days as beds (the pending events are
/// mostly residents' departures), a day of kEventsPerDay expected events.
class BrownQueue {
public:
  explicit BrownQueue(const ReferenceModel& model) : origin_(model.first_year) {
    std::size_t days = 1024;
    while (days < static_cast<std::size_t>(model.pools * model.beds_per_pool)) days *= 2;
    heads_.assign(days, kNone);
    mask_ = days - 1;
    per_day_ = expected_events_per_year(model) / kEventsPerDay;
  }
  void push(const Event& e) {
    std::uint32_t n = free_;
    if (n != kNone) {
      free_ = nodes_[n].next;
    } else {
      n = static_cast<std::uint32_t>(nodes_.size());
      nodes_.emplace_back();
    }
    nodes_[n].event = e;
    std::uint32_t* link = &heads_[day_of(e.time) & mask_];
    while (*link != kNone && !earlier(e, nodes_[*link].event)) link = &nodes_[*link].next;
    nodes_[n].next = *link;
    *link = n;
    ++size_;
  }
  [[nodiscard]] bool empty() const { return size_ == 0; }
  Event pop() {
    for (std::size_t scanned = 0;; ++scanned, ++day_) {
      if (scanned > mask_) {  // a whole cycle without an event of its day: jump to the earliest
        jump_to_earliest();
        scanned = 0;
      }
      std::uint32_t& head = heads_[day_ & mask_];
      if (head != kNone && day_of(nodes_[head].event.time) == day_) {
        const std::uint32_t n = head;
        head = nodes_[n].next;
        nodes_[n].next = free_;
        free_ = n;
        --size_;
        return nodes_[n].event;
      }
    }
  }

private:
  static constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();
  struct Node {
    Event event;
    std::uint32_t next = kNone;
  };
  [[nodiscard]] std::uint64_t day_of(double time) const { return static_cast<std::uint64_t>((time - origin_) * per_day_); }
  void jump_to_earliest() {
    const Event* best = nullptr;
    for (std::uint32_t h : heads_)
      if (h != kNone && (best == nullptr || earlier(nodes_[h].event, *best))) best = &nodes_[h].event;
    day_ = day_of(best->time);
  }

  double origin_;
  double per_day_ = 1.0;              // days per year (the inverse of the day's width)
  std::size_t mask_ = 0;
  std::uint64_t day_ = 0;            // current day since origin (not wrapped)
  std::vector<std::uint32_t> heads_;  // per day of the cycle: first node, or kNone
  std::vector<Node> nodes_;
  std::uint32_t free_ = kNone;        // released nodes, linked through next
  std::size_t size_ = 0;
};

/// Calendar over the simulated years without wrapping: days of about kEventsPerBucket events, each
/// an unsorted vector until it becomes current, then sorted once (latest first, popped from the
/// back); an event scheduled into the current day is inserted in order (where carecap's
/// sim::EventQueue keeps a 4-ary heap of them). Events after the last day are dropped (they would
/// never run).
class CalendarQueue {
public:
  explicit CalendarQueue(const ReferenceModel& model) : origin_(model.first_year) {
    per_day_ = expected_events_per_year(model) / kEventsPerBucket;
    days_.resize(static_cast<std::size_t>(model.years * per_day_) + 1);
  }
  void push(const Event& e) {
    const std::size_t day = day_of(e.time);
    if (day >= days_.size()) return;
    ++size_;
    std::vector<Event>& bucket = days_[day];
    if (day != current_ || !sorted_) {
      bucket.push_back(e);
      return;
    }
    // Latest first: insert before the first event that is earlier than e.
    auto at = std::upper_bound(bucket.begin(), bucket.end(), e, [](const Event& a, const Event& b) { return earlier(b, a); });
    bucket.insert(at, e);
  }
  [[nodiscard]] bool empty() const { return size_ == 0; }
  Event pop() {
    for (;;) {
      std::vector<Event>& bucket = days_[current_];
      if (!sorted_) {
        std::sort(bucket.begin(), bucket.end(), [](const Event& a, const Event& b) { return earlier(b, a); });
        sorted_ = true;
      }
      if (!bucket.empty()) {
        const Event e = bucket.back();
        bucket.pop_back();
        --size_;
        return e;
      }
      std::vector<Event>().swap(bucket);
      ++current_;
      sorted_ = false;
    }
  }

private:
  [[nodiscard]] std::size_t day_of(double time) const { return static_cast<std::size_t>((time - origin_) * per_day_); }
  double origin_;
  double per_day_ = 1.0;
  std::vector<std::vector<Event>> days_;
  std::size_t current_ = 0;
  bool sorted_ = false;
  std::size_t size_ = 0;
};

/// A person on a waiting list. Residents are only their scheduled departure.
struct Waiting {
  double arrival = 0.0;  // years
  double stay = 0.0;     // drawn length of stay, years
  bool dies_in_care = false;
  bool dies_waiting = false;  // if they leave the list, it is by death
};

/// One replication of the province model on queue type `Queue`.
template <class Queue>
class Loop {
public:
  Loop(const ReferenceModel& model, std::uint64_t replication)
      : model_(model), queue_(model), occupied_(static_cast<std::size_t>(model.pools), 0),
        lists_(static_cast<std::size_t>(model.pools)) {
    // The same engine state as sim::RandomStreams(seed).stream(replication, 1000 + pool).
    auto low = [](std::uint64_t v) { return static_cast<std::uint32_t>(v & 0xffffffffu); };
    auto high = [](std::uint64_t v) { return static_cast<std::uint32_t>(v >> 32); };
    for (int pool = 0; pool < model.pools; ++pool) {
      const std::uint64_t purpose = 1000 + static_cast<std::uint64_t>(pool);
      std::seed_seq sequence{low(model.seed), high(model.seed), low(replication), high(replication), low(purpose), high(purpose)};
      engines_.emplace_back(sequence);
    }
  }

  ReferenceCounts run() {
    now_ = model_.first_year;
    for (int pool = 0; pool < model_.pools; ++pool) schedule_next_arrival(pool, now_);
    const double until = model_.first_year + model_.years;
    while (!queue_.empty()) {
      const Event e = queue_.pop();
      if (e.time > until) break;
      now_ = e.time;
      ++counts_.events;
      switch (e.kind) {
        case Kind::arrival: arrive(static_cast<int>(e.target)); break;
        case Kind::departure: depart(static_cast<int>(e.target)); break;
        case Kind::leave_waiting: leave_waiting(e.payload); break;
      }
    }
    return counts_;
  }

private:
  void schedule(double time, Kind kind, std::uint32_t target, std::uint64_t payload) {
    queue_.push(Event{time, (static_cast<std::uint64_t>(kind) << 56) | sequence_++, payload, target, kind});
  }

  /// Rates constant within calendar years: inverts the cumulative rate with one unit exponential,
  /// year by year, as carecap does (the same arithmetic, so the same times).
  void schedule_next_arrival(int pool, double after) {
    double remaining = boost::random::exponential_distribution<double>(1.0)(engines_[static_cast<std::size_t>(pool)]);
    double t = after;
    const double rate = model_.arrivals_per_year;
    for (auto year = static_cast<std::size_t>(std::floor(t)) - static_cast<std::size_t>(model_.first_year);
         year < static_cast<std::size_t>(model_.years); ++year) {
      const double year_end = model_.first_year + static_cast<double>(year) + 1.0;
      const double expected = rate * (year_end - t);
      if (rate > 0.0 && remaining <= expected) {
        schedule(t + remaining / rate, Kind::arrival, static_cast<std::uint32_t>(pool), 0);
        return;
      }
      remaining -= expected;
      t = year_end;
    }
  }

  void arrive(int pool) {
    ++counts_.arrivals;
    Engine& engine = engines_[static_cast<std::size_t>(pool)];
    // carecap's draws per person, in its order: stay, death in care, patience, death while waiting,
    // priority class (unused here: with priority_share 0 everyone is ordinary); then the next arrival.
    Waiting p;
    p.arrival = now_;
    p.stay = boost::random::exponential_distribution<double>(1.0 / model_.mean_stay_years)(engine);
    p.dies_in_care = boost::random::uniform_01<double>()(engine) < model_.death_share;
    const double patience_draw = boost::random::exponential_distribution<double>(1.0)(engine);
    const double death_draw = boost::random::exponential_distribution<double>(1.0)(engine);
    const double patience = model_.mean_patience_years > 0.0 ? patience_draw * model_.mean_patience_years : kNever;
    const double death = model_.waiting_death_rate > 0.0 ? death_draw / model_.waiting_death_rate : kNever;
    const bool priority = boost::random::uniform_01<double>()(engine) < model_.priority_share;
    (void)priority;
    p.dies_waiting = death < patience;
    schedule_next_arrival(pool, now_);
    if (occupied_[static_cast<std::size_t>(pool)] < model_.beds_per_pool) {
      admit(pool, p);
      return;
    }
    // Wait: a slot with a generation tag; the leave event finds the tag stale once admitted.
    std::uint32_t id = 0;
    if (!free_.empty()) {
      id = free_.back();
      free_.pop_back();
    } else {
      id = static_cast<std::uint32_t>(people_.size());
      people_.emplace_back();
      generations_.push_back(0);
    }
    people_[id] = p;
    const std::uint64_t tag = (std::uint64_t{generations_[id]} << 32) | id;
    lists_[static_cast<std::size_t>(pool)].push_back(tag);
    const double leave_after = std::min(patience, death);
    if (leave_after < kNever) schedule(now_ + leave_after, Kind::leave_waiting, static_cast<std::uint32_t>(pool), tag);
  }

  void admit(int pool, const Waiting& p) {
    ++occupied_[static_cast<std::size_t>(pool)];
    ++counts_.admissions;
    schedule(now_ + p.stay, Kind::departure, static_cast<std::uint32_t>(pool), p.dies_in_care ? 1 : 0);
  }

  [[nodiscard]] bool current(std::uint64_t tag) const { return generations_[tag & 0xffffffffu] == (tag >> 32); }
  void release(std::uint32_t id) {
    ++generations_[id];
    free_.push_back(id);
  }

  void depart(int pool) {
    ++counts_.departures;
    --occupied_[static_cast<std::size_t>(pool)];
    // FIFO with lazy removal: skip the entries of people who left.
    std::deque<std::uint64_t>& list = lists_[static_cast<std::size_t>(pool)];
    while (!list.empty() && !current(list.front())) list.pop_front();
    if (list.empty()) return;
    const auto id = static_cast<std::uint32_t>(list.front() & 0xffffffffu);
    list.pop_front();
    admit(pool, people_[id]);
    release(id);
  }

  void leave_waiting(std::uint64_t tag) {
    if (!current(tag)) return;  // admitted meanwhile
    const auto id = static_cast<std::uint32_t>(tag & 0xffffffffu);
    if (people_[id].dies_waiting)
      ++counts_.deaths_waiting;
    else
      ++counts_.renegings;
    release(id);
  }

  const ReferenceModel& model_;
  Queue queue_;
  double now_ = 0.0;
  std::uint64_t sequence_ = 0;
  std::vector<Engine> engines_;                      // per pool
  std::vector<std::int64_t> occupied_;               // per pool, beds
  std::vector<std::deque<std::uint64_t>> lists_;     // per pool: waiting tags, stale ones included
  std::vector<Waiting> people_;                      // slots of people waiting
  std::vector<std::uint32_t> generations_;           // per slot
  std::vector<std::uint32_t> free_;                  // released slots
  ReferenceCounts counts_;
};

}  // namespace

ReferenceCounts run_reference_brown(const ReferenceModel& model, std::uint64_t replication) {
  return Loop<BrownQueue>(model, replication).run();
}

ReferenceCounts run_reference_calendar(const ReferenceModel& model, std::uint64_t replication) {
  return Loop<CalendarQueue>(model, replication).run();
}

ReferenceCounts run_reference_heap(const ReferenceModel& model, std::uint64_t replication) {
  return Loop<HeapQueue>(model, replication).run();
}

}  // namespace carecap::bench
