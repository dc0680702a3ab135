#include <SwanSocket/framerecorder.h>

#include "payloadsize.h"

#include <SwanSocket/socketapi.h>
#include <SwanSocket/sockettask.h>

#include <QHash>
#include <QPointer>
#include <QTimer>
#include <QVariantMap>

#include <algorithm>
#include <array>
#include <chrono>
#include <memory>
#include <new>
#include <vector>

#include <time.h>

#ifdef Q_OS_LINUX
#    include <sys/mman.h>
#endif

#if defined(Q_PROCESSOR_X86_64) && (defined(Q_CC_GNU) || defined(Q_CC_CLANG))
#    include <cpuid.h>
#    include <x86intrin.h>
#    define SWAN_FRAMECLOCK_TSC 1
#else
#    define SWAN_FRAMECLOCK_TSC 0
#endif

namespace SwanSocket {

namespace {

#if SWAN_FRAMECLOCK_TSC
/// Whether the TSC can tell a fresh clock read from a stale one: it ticks at a constant rate in
/// every power state (CPUID "invariant TSC"), and reading it is cheap (some hypervisors trap it).
bool tscIsUsable()
{
    static const bool usable = [] {
        unsigned eax = 0, ebx = 0, ecx = 0, edx = 0;
        if (!__get_cpuid(0x80000007, &eax, &ebx, &ecx, &edx) || !(edx & (1u << 8)))
            return false;
        timespec before, after;
        clock_gettime(CLOCK_MONOTONIC, &before);
        quint64 sum = 0;
        for (int i = 0; i < 16; ++i)
            sum += __rdtsc();
        clock_gettime(CLOCK_MONOTONIC, &after);
        const qint64 ns = qint64(after.tv_sec - before.tv_sec) * 1000000000
                + (after.tv_nsec - before.tv_nsec);
        return sum != 0 && ns < 16 * 100; // under 100 ns a read: not trapped
    }();
    return usable;
}
#endif

/**
 * The recorder's times (µs since the epoch): the wall clock read once, plus how far a monotonic
 * clock has gone since. Times never go back when the system clock is stepped, so frames
 * recorded in order are in time order. The boot clock also counts suspended time, so after a
 * sleep times still match the wall clock.
 *
 * A clock read (vDSO, ~25 ns) costs as much as recording the rest of a frame, and frames come
 * in bursts. Where the TSC is usable, a read less than FreshTicks old is reused: at most ~40 µs
 * (invariant TSCs tick at 800 MHz or more), far finer than the milliseconds the inspector and
 * HAR show, for a third of the cost. A TSC that went back (another CPU, a resume) reads again.
 */
class FrameClock
{
public:
    FrameClock() : m_baseUs(wallUs() - elapsedUs()) { nowUs(); }

    qint64 nowUs()
    {
#if SWAN_FRAMECLOCK_TSC
        if (m_useTsc) {
            const quint64 tsc = __rdtsc();
            if (tsc - m_readTsc < FreshTicks)
                return m_readUs;
            m_readTsc = tsc;
        }
#endif
        return m_readUs = m_baseUs + elapsedUs();
    }

private:
    static qint64 wallUs()
    {
        using namespace std::chrono;
        return duration_cast<microseconds>(system_clock::now().time_since_epoch()).count();
    }
    static qint64 elapsedUs()
    {
#ifdef CLOCK_BOOTTIME
        timespec now;
        clock_gettime(CLOCK_BOOTTIME, &now);
        return qint64(now.tv_sec) * 1000000 + now.tv_nsec / 1000;
#else
        using namespace std::chrono;
        return duration_cast<microseconds>(steady_clock::now().time_since_epoch()).count();
#endif
    }

    const qint64 m_baseUs;
    qint64 m_readUs = 0; ///< the last clock read
#if SWAN_FRAMECLOCK_TSC
    static constexpr quint64 FreshTicks = 32768;
    const bool m_useTsc = tscIsUsable();
    quint64 m_readTsc = 0; ///< the TSC just before m_readUs was read
#endif
};

/// Messages and bytes of one connection per wall-clock second, for the last RateSeconds.
class RateBuckets
{
public:
    static constexpr int RateSeconds = 120;

    // Imported HAR times may be negative (found by fuzz_har): % alone would index before 0.
    static size_t slot(qint64 second)
    {
        return size_t(((second % RateSeconds) + RateSeconds) % RateSeconds);
    }

    void add(qint64 timeUs, FrameRecorder::Direction direction, qint64 bytes)
    {
        // Live frames come in time order: most land in the second of the one before.
        if (timeUs < m_currentStartUs || timeUs >= m_currentEndUs)
            selectBucket(timeUs);
        Bucket &bucket = m_buckets[m_current];
        if (direction == FrameRecorder::Send) {
            ++bucket.messagesSent;
            bucket.bytesSent += bytes;
        } else {
            ++bucket.messagesReceived;
            bucket.bytesReceived += bytes;
        }
    }

    QVariantList snapshot(qint64 lastSecond, int seconds) const
    {
        seconds = std::clamp(seconds, 1, RateSeconds);
        QVariantList list;
        list.reserve(seconds);
        for (qint64 second = lastSecond - seconds + 1; second <= lastSecond; ++second) {
            const Bucket &stored = m_buckets[slot(second)];
            const Bucket bucket = stored.second == second ? stored : Bucket {second};
            list.append(QVariantMap {
                    {QStringLiteral("time"), second * 1000},
                    {QStringLiteral("messagesSent"), bucket.messagesSent},
                    {QStringLiteral("messagesReceived"), bucket.messagesReceived},
                    {QStringLiteral("bytesSent"), bucket.bytesSent},
                    {QStringLiteral("bytesReceived"), bucket.bytesReceived},
            });
        }
        return list;
    }

    void reset()
    {
        m_buckets = {};
        m_currentStartUs = m_currentEndUs = 0;
    }

private:
    struct Bucket
    {
        qint64 second = -1;
        qint64 messagesSent = 0;
        qint64 messagesReceived = 0;
        qint64 bytesSent = 0;
        qint64 bytesReceived = 0;
    };

    void selectBucket(qint64 timeUs)
    {
        const qint64 second = timeUs / 1000000;
        m_current = slot(second);
        Bucket &bucket = m_buckets[m_current];
        if (bucket.second != second)
            bucket = Bucket {second};
        // Division truncates: second 0 also holds negative times. Only positive seconds are
        // remembered as a plain range.
        m_currentStartUs = timeUs >= 0 ? second * 1000000 : 0;
        m_currentEndUs = timeUs >= 0 ? m_currentStartUs + 1000000 : 0;
    }

    std::array<Bucket, RateSeconds> m_buckets;
    size_t m_current = 0;
    // The times m_current holds: [start, end); empty when none is remembered.
    qint64 m_currentStartUs = 0;
    qint64 m_currentEndUs = 0;
};

/**
 * The frames held, oldest first, in chunks of ChunkFrames. Appending never moves a frame, and a
 * chunk emptied at the front is reused at the back, so a recorder at its budget allocates
 * nothing; std::deque would allocate (and free) a node every six frames.
 */
class FrameRing
{
public:
    FrameRing() = default;
    ~FrameRing() { clear(); }
    Q_DISABLE_COPY_MOVE(FrameRing)

    size_t size() const { return m_size; }
    bool empty() const { return m_size == 0; }

    const RecordedFrame &operator[](size_t index) const
    {
        const size_t at = m_head + index;
        return m_chunks[at / ChunkFrames]->frames()[at % ChunkFrames];
    }
    const RecordedFrame &front() const { return (*this)[0]; }

    /// Appends a frame made of @p args (RecordedFrame's members, in order).
    template<typename... Args>
    void emplaceBack(Args &&...args)
    {
        const size_t at = m_head + m_size;
        if (at / ChunkFrames == m_chunks.size())
            m_chunks.push_back(m_spare ? std::move(m_spare) : newChunk());
        new (m_chunks[at / ChunkFrames]->frames() + at % ChunkFrames)
                RecordedFrame {std::forward<Args>(args)...};
        ++m_size;
    }

    void popFront()
    {
        Q_ASSERT(m_size > 0);
        m_chunks.front()->frames()[m_head].~RecordedFrame();
        --m_size;
        if (++m_head == ChunkFrames) {
            m_head = 0;
            m_spare = std::move(m_chunks.front());
            m_chunks.erase(m_chunks.begin());
        }
    }

    /// Drops every frame and gives the memory back.
    void clear()
    {
        while (m_size > 0)
            popFront();
        m_chunks.clear();
        m_spare.reset();
        m_head = 0;
    }

private:
    // 1024 frames of 80 bytes: 80 KiB, little for an idle recorder, few allocations for a busy one.
    static constexpr size_t ChunkFrames = 1024;

    // Raw storage: frames are constructed as they come and destroyed as they go.
    struct Chunk
    {
        RecordedFrame *frames() { return std::launder(reinterpret_cast<RecordedFrame *>(bytes)); }
        alignas(RecordedFrame) unsigned char bytes[ChunkFrames * sizeof(RecordedFrame)];
    };

#ifdef Q_OS_LINUX
    // A growing ring writes new pages, one every 51 frames, and a first write costs a page fault
    // (~1.5 µs here, in a VM). MAP_POPULATE faults a chunk's 20 pages in at once, for less:
    // swan-bench w1 recorder -3 ms of ~78.
    struct Unmap
    {
        void operator()(Chunk *chunk) const { munmap(chunk, sizeof(Chunk)); }
    };
    using ChunkPointer = std::unique_ptr<Chunk, Unmap>;
    static ChunkPointer newChunk()
    {
        void *memory = mmap(nullptr, sizeof(Chunk), PROT_READ | PROT_WRITE,
                            MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);
        if (memory == MAP_FAILED)
            qBadAlloc();
        return ChunkPointer(static_cast<Chunk *>(memory));
    }
#else
    using ChunkPointer = std::unique_ptr<Chunk>;
    static ChunkPointer newChunk() { return ChunkPointer(new Chunk); }
#endif

    std::vector<ChunkPointer> m_chunks;
    ChunkPointer m_spare; ///< the last chunk emptied, for the next one needed
    size_t m_head = 0; ///< where the oldest frame is in m_chunks.front()
    size_t m_size = 0;
};

// The payload a frame does not have: constant-initialised, so passing one costs nothing.
const QString NoText;
const QByteArray NoData;

/// A connection and what its observer needs; held by pointer so signal handlers can keep it.
struct ConnectionEntry
{
    RecordedConnection connection;
    RateBuckets rates;
    QPointer<SocketTask> task;
    /// The task went Closing before closed(): we started the close.
    bool closingSeen = false;
};

} // namespace

class FrameRecorderPrivate
{
public:
    explicit FrameRecorderPrivate(FrameRecorder *q) : q(q)
    {
        notifyTimer.setSingleShot(true);
        notifyTimer.setInterval(updateInterval);
        QObject::connect(&notifyTimer, &QTimer::timeout, q, [this] { notify(); });
    }

    ConnectionEntry *addEntry(RecordedConnection connection);
    void observe(SocketTask *task, ConnectionEntry *entry);
    void updateState(ConnectionEntry *entry, SocketTask::ReadyState state);
    void takeHandshake(ConnectionEntry *entry, SocketTask *task);

    /// The hot path: a message or pong a watched task just signalled.
    void recordLive(ConnectionEntry *entry, FrameRecorder::Direction direction,
                    FrameRecorder::FrameType type, qint64 size, const QString &text,
                    const QByteArray &data)
    {
        const qint64 timeUs = clock.nowUs();
        if (type == FrameRecorder::Text || type == FrameRecorder::Binary)
            countMessage(entry, direction, size, timeUs);
        if (!paused)
            store(entry->connection.taskId, direction, type, size, text, data, 0, timeUs);
        scheduleNotify();
    }
    /// Any frame of a connection (a close, an import): counted unless @p count is false, stored
    /// unless it is from a task and recording is paused.
    void record(ConnectionEntry *entry, FrameRecorder::Direction direction,
                FrameRecorder::FrameType type, qint64 size, const QString &text,
                const QByteArray &data, quint16 closeCode, qint64 timeUs, bool count,
                bool fromTask);
    /// A data message in its connection's totals (unless @p total is false) and rates.
    static void countMessage(ConnectionEntry *entry, FrameRecorder::Direction direction,
                             qint64 size, qint64 timeUs, bool total = true)
    {
        RecordedConnection &c = entry->connection;
        if (total && direction == FrameRecorder::Send) {
            ++c.framesSent;
            c.bytesSent += size;
        } else if (total) {
            ++c.framesReceived;
            c.bytesReceived += size;
        }
        entry->rates.add(timeUs, direction, size);
    }
    /// Appends a frame, built in place, and keeps the budget.
    void store(int taskId, FrameRecorder::Direction direction, FrameRecorder::FrameType type,
               qint64 size, const QString &text, const QByteArray &data, quint16 closeCode,
               qint64 timeUs)
    {
        frames.emplaceBack(timeUs, firstSerial + qint64(frames.size()), size, taskId, direction,
                           type, closeCode, text, data);
        bytes += size;
        if (qint64(frames.size()) > maxFrames || bytes > maxBytes)
            enforceBudget();
    }
    void enforceBudget();
    void scheduleNotify()
    {
        if (!notifyPending) {
            notifyPending = true;
            notifyTimer.start();
        }
    }
    void notify();
    void rebuildIndex();

    FrameRecorder *const q;
    FrameClock clock;
    FrameRing frames;
    qint64 firstSerial = 0;
    qint64 bytes = 0;
    int maxFrames = FrameRecorder::DefaultMaxFrames;
    qint64 maxBytes = FrameRecorder::DefaultMaxBytes;
    qint64 dropped = 0;
    qint64 announcedDropped = 0;
    bool paused = false;
    int updateInterval = 33;
    bool notifyPending = false;
    QTimer notifyTimer;

    std::vector<std::unique_ptr<ConnectionEntry>> entries;
    QHash<int, int> indexById;
    int nextOfflineId = FrameRecorder::FirstOfflineId;
};

ConnectionEntry *FrameRecorderPrivate::addEntry(RecordedConnection connection)
{
    auto entry = std::make_unique<ConnectionEntry>();
    entry->connection = std::move(connection);
    ConnectionEntry *const raw = entry.get();
    const int index = int(entries.size());
    entries.push_back(std::move(entry));
    indexById.insert(raw->connection.taskId, index);
    Q_EMIT q->connectionAdded(raw->connection.taskId, index);
    Q_EMIT q->connectionCountChanged(int(entries.size()));
    return raw;
}

void FrameRecorderPrivate::observe(SocketTask *task, ConnectionEntry *entry)
{
    using Recorder = FrameRecorder;
    QObject::connect(task, &SocketTask::textMessageReceived, q, [this, entry](const QString &m) {
        recordLive(entry, Recorder::Receive, Recorder::Text, PayloadSize::utf8(m), m, NoData);
    });
    QObject::connect(
            task, &SocketTask::binaryMessageReceived, q, [this, entry](const QByteArray &m) {
                recordLive(entry, Recorder::Receive, Recorder::Binary, m.size(), NoText, m);
            });
    QObject::connect(task, &SocketTask::textMessageSent, q, [this, entry](const QString &m) {
        recordLive(entry, Recorder::Send, Recorder::Text, PayloadSize::utf8(m), m, NoData);
    });
    QObject::connect(task, &SocketTask::binaryMessageSent, q, [this, entry](const QByteArray &m) {
        recordLive(entry, Recorder::Send, Recorder::Binary, m.size(), NoText, m);
    });
    QObject::connect(task, &SocketTask::pingReceived, q, [this, entry](const QByteArray &p) {
        recordLive(entry, Recorder::Receive, Recorder::Ping, p.size(), NoText, p);
    });
    QObject::connect(task, &SocketTask::pongReceived, q, [this, entry](const QByteArray &p) {
        recordLive(entry, Recorder::Receive, Recorder::Pong, p.size(), NoText, p);
    });
    QObject::connect(task, &SocketTask::readyStateChanged, q,
                     [this, entry](SocketTask::ReadyState state) { updateState(entry, state); });
    QObject::connect(task, &SocketTask::opened, q, [this, entry, task] {
        entry->connection.openedAtUs = clock.nowUs();
        takeHandshake(entry, task);
        Q_EMIT q->connectionChanged(entry->connection.taskId);
    });
    QObject::connect(task, &SocketTask::errorOccurred, q, [this, entry](const QString &message) {
        entry->connection.lastError = message;
        Q_EMIT q->connectionChanged(entry->connection.taskId);
    });
    QObject::connect(task, &SocketTask::closed, q,
                     [this, entry, task](int code, const QString &reason) {
                         RecordedConnection &c = entry->connection;
                         c.closedAtUs = clock.nowUs();
                         c.closeCode = code;
                         c.closeReason = reason;
                         c.closeDirection = entry->closingSeen ? Recorder::Send : Recorder::Receive;
                         c.state = SocketTask::Closed;
                         takeHandshake(entry, task);
                         // 1006: the connection ended without a close frame, so none is shown.
                         if (c.openedAtUs && code != 1006)
                             record(entry, c.closeDirection, Recorder::Close,
                                    PayloadSize::close(code, reason), reason, NoData, quint16(code),
                                    c.closedAtUs, false, true);
                         Q_EMIT q->connectionChanged(c.taskId);
                     });
    QObject::connect(task, &QObject::destroyed, q, [this, entry] {
        RecordedConnection &c = entry->connection;
        if (c.state != SocketTask::Closed) {
            c.state = SocketTask::Closed;
            c.closedAtUs = clock.nowUs();
            c.closeCode = 1006;
            Q_EMIT q->connectionChanged(c.taskId);
        }
    });
}

void FrameRecorderPrivate::updateState(ConnectionEntry *entry, SocketTask::ReadyState state)
{
    if (state == SocketTask::Closing && entry->connection.state == SocketTask::Open)
        entry->closingSeen = true;
    entry->connection.state = state;
    Q_EMIT q->connectionChanged(entry->connection.taskId);
}

void FrameRecorderPrivate::takeHandshake(ConnectionEntry *entry, SocketTask *task)
{
    RecordedConnection &c = entry->connection;
    c.protocol = task->protocol();
    c.response = task->handshakeResponse();
    if (c.requestHeaders.isEmpty())
        c.requestHeaders = task->requestHeaders();
    c.profile = task->profile();
    if (c.profile.connectStart)
        c.createdAtUs = std::min(c.createdAtUs, c.profile.connectStart * 1000);
}

void FrameRecorderPrivate::record(ConnectionEntry *entry, FrameRecorder::Direction direction,
                                  FrameRecorder::FrameType type, qint64 size, const QString &text,
                                  const QByteArray &data, quint16 closeCode, qint64 timeUs,
                                  bool count, bool fromTask)
{
    if (type == FrameRecorder::Text || type == FrameRecorder::Binary)
        countMessage(entry, direction, size, timeUs, count);
    // Pausing is about what tasks do now; frames added from outside (imports) always go in.
    if (!(fromTask && paused))
        store(entry->connection.taskId, direction, type, size, text, data, closeCode, timeUs);
    scheduleNotify();
}

void FrameRecorderPrivate::enforceBudget()
{
    while (!frames.empty() && (qint64(frames.size()) > maxFrames || bytes > maxBytes)) {
        bytes -= frames.front().size;
        frames.popFront();
        ++firstSerial;
        ++dropped;
    }
    scheduleNotify();
}

void FrameRecorderPrivate::notify()
{
    notifyPending = false;
    if (announcedDropped != dropped) {
        announcedDropped = dropped;
        Q_EMIT q->droppedFramesChanged(dropped);
    }
    Q_EMIT q->framesRecorded();
}

void FrameRecorderPrivate::rebuildIndex()
{
    indexById.clear();
    for (size_t i = 0; i < entries.size(); ++i)
        indexById.insert(entries[i]->connection.taskId, int(i));
}

FrameRecorder::FrameRecorder(QObject *parent)
    : QObject(parent), d(std::make_unique<FrameRecorderPrivate>(this))
{
}

FrameRecorder::~FrameRecorder() = default;

void FrameRecorder::watch(SocketTask *task)
{
    if (!task || d->indexById.contains(task->taskId()))
        return;
    RecordedConnection connection;
    connection.taskId = task->taskId();
    connection.url = task->url();
    connection.state = task->readyState();
    connection.createdAtUs = d->clock.nowUs();
    ConnectionEntry *const entry = d->addEntry(std::move(connection));
    entry->task = task;
    d->takeHandshake(entry, task);
    if (entry->connection.state != SocketTask::Connecting
        && entry->connection.response.statusCode == 101)
        entry->connection.openedAtUs = entry->connection.profile.handshakeDone * 1000;
    d->observe(task, entry);
}

void FrameRecorder::watch(SocketApi *api)
{
    if (!api)
        return;
    connect(api, &SocketApi::taskCreated, this, qOverload<SocketTask *>(&FrameRecorder::watch));
    const QList<SocketTask *> tasks = api->tasks();
    for (SocketTask *task : tasks)
        watch(task);
}

void FrameRecorder::setRequestHeaders(int taskId,
                                      const QList<QPair<QByteArray, QByteArray>> &headers)
{
    const int index = d->indexById.value(taskId, -1);
    if (index < 0)
        return;
    d->entries[size_t(index)]->connection.requestHeaders = headers;
    Q_EMIT connectionChanged(taskId);
}

int FrameRecorder::maxFrames() const { return d->maxFrames; }

void FrameRecorder::setMaxFrames(int maxFrames)
{
    maxFrames = std::max(maxFrames, 0);
    if (d->maxFrames == maxFrames)
        return;
    d->maxFrames = maxFrames;
    d->enforceBudget();
    Q_EMIT maxFramesChanged(maxFrames);
}

qint64 FrameRecorder::maxBytes() const { return d->maxBytes; }

void FrameRecorder::setMaxBytes(qint64 maxBytes)
{
    maxBytes = std::max<qint64>(maxBytes, 0);
    if (d->maxBytes == maxBytes)
        return;
    d->maxBytes = maxBytes;
    d->enforceBudget();
    Q_EMIT maxBytesChanged(maxBytes);
}

qint64 FrameRecorder::droppedFrames() const { return d->dropped; }

bool FrameRecorder::isPaused() const { return d->paused; }

void FrameRecorder::setPaused(bool paused)
{
    if (d->paused == paused)
        return;
    d->paused = paused;
    Q_EMIT pausedChanged(paused);
}

int FrameRecorder::updateInterval() const { return d->updateInterval; }

void FrameRecorder::setUpdateInterval(int milliseconds)
{
    milliseconds = std::max(milliseconds, 0);
    if (d->updateInterval == milliseconds)
        return;
    d->updateInterval = milliseconds;
    d->notifyTimer.setInterval(milliseconds);
    Q_EMIT updateIntervalChanged(milliseconds);
}

int FrameRecorder::frameCount() const { return int(d->frames.size()); }

qint64 FrameRecorder::byteCount() const { return d->bytes; }

qint64 FrameRecorder::firstSerial() const { return d->firstSerial; }

qint64 FrameRecorder::endSerial() const { return d->firstSerial + qint64(d->frames.size()); }

const RecordedFrame &FrameRecorder::frameAt(int index) const
{
    Q_ASSERT(index >= 0 && size_t(index) < d->frames.size());
    return d->frames[size_t(index)];
}

const RecordedFrame *FrameRecorder::frame(qint64 serial) const
{
    const qint64 index = serial - d->firstSerial;
    if (index < 0 || index >= qint64(d->frames.size()))
        return nullptr;
    return &d->frames[size_t(index)];
}

int FrameRecorder::connectionCount() const { return int(d->entries.size()); }

const RecordedConnection &FrameRecorder::connectionAt(int index) const
{
    Q_ASSERT(index >= 0 && size_t(index) < d->entries.size());
    return d->entries[size_t(index)]->connection;
}

const RecordedConnection *FrameRecorder::connection(int taskId) const
{
    const int index = d->indexById.value(taskId, -1);
    return index < 0 ? nullptr : &d->entries[size_t(index)]->connection;
}

int FrameRecorder::indexOfConnection(int taskId) const { return d->indexById.value(taskId, -1); }

int FrameRecorder::addConnection(const RecordedConnection &connection)
{
    RecordedConnection offline = connection;
    offline.taskId = d->nextOfflineId++;
    offline.offline = true;
    d->addEntry(std::move(offline));
    return d->entries.back()->connection.taskId;
}

void FrameRecorder::addFrame(const RecordedFrame &frame, bool countFrame)
{
    const int index = d->indexById.value(frame.taskId, -1);
    if (index < 0)
        return;
    d->record(d->entries[size_t(index)].get(), frame.direction, frame.type, frame.size, frame.text,
              frame.data, frame.closeCode, frame.timeUs, countFrame, false);
}

QVariantList FrameRecorder::rates(int taskId, int seconds) const
{
    const int index = d->indexById.value(taskId, -1);
    if (index < 0)
        return {};
    const ConnectionEntry &entry = *d->entries[size_t(index)];
    const RecordedConnection &c = entry.connection;
    // A closed connection's chart ends where it closed; a live one's now.
    const qint64 endUs
            = c.state == SocketTask::Closed && c.closedAtUs ? c.closedAtUs : d->clock.nowUs();
    return entry.rates.snapshot(endUs / 1000000, seconds);
}

void FrameRecorder::clear()
{
    // Serials are never reused: the next frame continues the count.
    d->firstSerial += qint64(d->frames.size());
    d->frames.clear();
    d->bytes = 0;
    const int connectionsBefore = int(d->entries.size());
    auto gone = std::stable_partition(d->entries.begin(), d->entries.end(), [](const auto &e) {
        return !e->connection.offline && e->connection.state != SocketTask::Closed;
    });
    for (auto it = gone; it != d->entries.end(); ++it) {
        if ((*it)->task)
            disconnect((*it)->task, nullptr, this, nullptr);
    }
    d->entries.erase(gone, d->entries.end());
    for (const auto &entry : d->entries) {
        RecordedConnection &c = entry->connection;
        c.framesSent = c.framesReceived = c.bytesSent = c.bytesReceived = 0;
        entry->rates.reset();
    }
    d->rebuildIndex();
    const bool droppedChanged = d->dropped != 0;
    d->dropped = d->announcedDropped = 0;
    Q_EMIT cleared();
    Q_EMIT framesRecorded(); // frameCount and byteCount changed
    if (droppedChanged)
        Q_EMIT droppedFramesChanged(0);
    if (connectionsBefore != int(d->entries.size()))
        Q_EMIT connectionCountChanged(int(d->entries.size()));
}

} // namespace SwanSocket
