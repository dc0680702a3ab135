#include "floorclient.h"

#include "procstats.h"

#include <QByteArray>
#include <QJsonObject>

#include <openssl/err.h>
#include <openssl/ssl.h>

#include <algorithm>
#include <arpa/inet.h>
#include <cerrno>
#include <memory>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>
#include <vector>

namespace SwanBench {

namespace {

constexpr double MiB = 1024.0 * 1024.0;

/// One TLS connection to the floor port, driven by poll(): it writes the workload's messages
/// (each SSL_write one message, so small ones are one TLS record each) and counts the echo.
struct FloorConnection
{
    int fd = -1;
    SSL *ssl = nullptr;
    bool handshaken = false;
    bool finished = false;
    int sent = 0; // messages fully written
    qint64 sentOffset = 0; // into the message being written
    qint64 received = 0; // bytes echoed so far
    short events = POLLOUT; // what the last SSL call was waiting for

    ~FloorConnection()
    {
        if (ssl)
            SSL_free(ssl);
        if (fd >= 0)
            ::close(fd);
    }
};

class FloorRun
{
public:
    explicit FloorRun(const WorkerOptions &options) : m_options(options), m_spec(options.spec) { }
    ~FloorRun()
    {
        if (m_context)
            SSL_CTX_free(m_context);
    }

    QJsonObject run()
    {
        m_context = SSL_CTX_new(TLS_client_method());
        SSL_CTX_set_verify(m_context, SSL_VERIFY_PEER, nullptr);
        SSL_CTX_set_mode(m_context,
                         SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);
        SSL_CTX_set_read_ahead(m_context, 1);
        if (SSL_CTX_load_verify_locations(m_context, m_options.caFile.toLocal8Bit().constData(),
                                          nullptr)
            != 1)
            return error(QStringLiteral("cannot load CA %1").arg(m_options.caFile));

        const bool w5 = m_spec.name == QLatin1String("w5");
        if (m_spec.name == QLatin1String("w3") || m_spec.name == QLatin1String("w4")) {
            for (int i = 0; i < m_spec.messages; ++i)
                m_payloads.emplace_back(qsizetype(m_spec.size), char(i & 0xff));
        } else {
            m_payloads.emplace_back(qsizetype(m_spec.size), 'a');
        }
        if (m_spec.name == QLatin1String("w4")) // the echo lands in one buffer, like a message
            m_echo.reset(new char[size_t(m_spec.size)]);
        if (w5)
            startClock();
        for (int i = 0; i < m_spec.connections; ++i) {
            if (!connectOne())
                return error(QStringLiteral("cannot connect to the floor port: %1")
                                     .arg(QString::fromLocal8Bit(strerror(errno))));
        }
        if (!w5) {
            // The clock starts once TLS is up, as it starts at onOpen for WebSocket clients.
            if (!drive(true))
                return error(m_error);
            startClock();
        }
        if (!drive(false))
            return error(m_error);
        const double seconds = double(monotonicNs() - m_startNs) / 1e9;

        QJsonObject result {{QStringLiteral("seconds"), seconds}};
        if (m_spec.name == QLatin1String("w1")) {
            result.insert(QStringLiteral("value"), m_spec.messages / seconds);
        } else if (m_spec.name == QLatin1String("w2")) {
            std::sort(m_latenciesUs.begin(), m_latenciesUs.end());
            result.insert(QStringLiteral("value"), percentile(m_latenciesUs, 0.5));
            result.insert(QStringLiteral("p50"), percentile(m_latenciesUs, 0.5));
            result.insert(QStringLiteral("p99"), percentile(m_latenciesUs, 0.99));
        } else if (m_spec.name == QLatin1String("w3")) {
            result.insert(QStringLiteral("value"),
                          double(m_spec.messages) * double(m_spec.size) / MiB / seconds);
        } else {
            result.insert(QStringLiteral("value"), seconds);
        }
        result.insert(QStringLiteral("rss_mib"), peakRssMib());
        result.insert(QStringLiteral("baseline_mib"), m_baselineMib);
        return result;
    }

private:
    QJsonObject error(const QString &message) { return {{QStringLiteral("error"), message}}; }

    void startClock()
    {
        m_baselineMib = peakRssMib();
        m_startNs = monotonicNs();
    }

    bool connectOne()
    {
        auto connection = std::make_unique<FloorConnection>();
        connection->fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        if (connection->fd < 0)
            return false;
        const int one = 1;
        setsockopt(connection->fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        sockaddr_in address {};
        address.sin_family = AF_INET;
        address.sin_port = htons(m_options.floorPort);
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (::connect(connection->fd, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0
            && errno != EINPROGRESS)
            return false;
        connection->ssl = SSL_new(m_context);
        SSL_set_fd(connection->ssl, connection->fd);
        SSL_set_tlsext_host_name(connection->ssl, "localhost");
        SSL_set1_host(connection->ssl, "localhost");
        SSL_set_connect_state(connection->ssl);
        m_connections.push_back(std::move(connection));
        return true;
    }

    const char *payload(int index) const
    {
        return m_payloads[size_t(index) % m_payloads.size()].constData();
    }

    /// Runs every connection until it is done (or, with @p handshakeOnly, until TLS is up).
    bool drive(bool handshakeOnly)
    {
        std::vector<pollfd> polls;
        for (;;) {
            int active = 0;
            for (const auto &connection : m_connections) {
                if (connection->finished)
                    continue;
                if (!step(connection.get(), handshakeOnly))
                    return false;
                if (!connection->finished && !(handshakeOnly && connection->handshaken))
                    ++active;
            }
            if (active == 0)
                return true;
            polls.clear();
            for (const auto &connection : m_connections) {
                if (!connection->finished && !(handshakeOnly && connection->handshaken))
                    polls.push_back({connection->fd, connection->events, 0});
            }
            if (::poll(polls.data(), nfds_t(polls.size()), 30000) <= 0) {
                m_error = QStringLiteral("no progress for 30 s");
                return false;
            }
        }
    }

    /// Does what one connection can do without blocking; sets what it waits for.
    bool step(FloorConnection *c, bool handshakeOnly)
    {
        if (!c->handshaken) {
            const int result = SSL_connect(c->ssl);
            if (result != 1)
                return wait(c, result);
            c->handshaken = true;
        }
        if (handshakeOnly)
            return true;
        const bool sequential = m_spec.name == QLatin1String("w2");
        c->events = POLLIN;
        while (c->sent < m_spec.messages
               && (!sequential || c->received == qint64(c->sent) * m_spec.size)) {
            if (sequential && c->sentOffset == 0)
                m_sentNs = monotonicNs();
            const qint64 left = m_spec.size - c->sentOffset;
            const int written = SSL_write(c->ssl, payload(c->sent) + c->sentOffset,
                                          int(std::min<qint64>(left, 1 << 30)));
            if (written <= 0) {
                if (!wait(c, written))
                    return false;
                break;
            }
            c->sentOffset += written;
            if (c->sentOffset == m_spec.size) {
                c->sentOffset = 0;
                ++c->sent;
            }
        }
        const qint64 total = qint64(m_spec.messages) * m_spec.size;
        for (;;) {
            char *into = m_scratch;
            int room = int(sizeof m_scratch);
            if (m_echo) {
                into = m_echo.get() + c->received;
                room = int(std::min<qint64>(total - c->received, 1 << 30));
            }
            const int read = SSL_read(c->ssl, into, room);
            if (read <= 0) {
                const short sendEvents = c->events;
                if (!wait(c, read))
                    return false;
                c->events |= sendEvents;
                break;
            }
            if (!checkEcho(c, into, read))
                return false;
            c->received += read;
            if (sequential && c->received == qint64(c->sent) * m_spec.size)
                m_latenciesUs.push_back(double(monotonicNs() - m_sentNs) / 1e3);
            if (c->received == total) {
                SSL_shutdown(c->ssl); // close_notify, then the connection is closed
                ::close(c->fd);
                c->fd = -1;
                c->finished = true;
                return true;
            }
            if (sequential)
                return step(c, false); // send the next one right away
        }
        return true;
    }

    /// w3: the first byte of every echoed message says which message it is.
    bool checkEcho(const FloorConnection *c, const char *data, int count)
    {
        if (m_spec.name != QLatin1String("w3"))
            return true;
        const qint64 size = m_spec.size;
        for (qint64 start = ((c->received + size - 1) / size) * size; start < c->received + count;
             start += size) {
            const int index = int(start / size);
            if (uchar(data[start - c->received]) != (index & 0xff)) {
                m_error = QStringLiteral("echo %1 out of order").arg(index);
                return false;
            }
        }
        return true;
    }

    bool wait(FloorConnection *c, int result)
    {
        switch (SSL_get_error(c->ssl, result)) {
        case SSL_ERROR_WANT_READ:
            c->events = POLLIN;
            return true;
        case SSL_ERROR_WANT_WRITE:
            c->events = POLLOUT;
            return true;
        default: {
            const unsigned long code = ERR_get_error();
            char text[256] = "connection closed";
            if (code)
                ERR_error_string_n(code, text, sizeof text);
            m_error = QStringLiteral("TLS: %1").arg(QString::fromLatin1(text));
            ERR_clear_error();
            return false;
        }
        }
    }

    const WorkerOptions &m_options;
    const WorkloadSpec m_spec;
    SSL_CTX *m_context = nullptr;
    std::vector<std::unique_ptr<FloorConnection>> m_connections;
    std::vector<QByteArray> m_payloads;
    std::unique_ptr<char[]> m_echo;
    std::vector<double> m_latenciesUs;
    char m_scratch[256 * 1024];
    qint64 m_startNs = 0;
    qint64 m_sentNs = 0;
    double m_baselineMib = 0;
    QString m_error;
};

} // namespace

int runFloorClient(const WorkerOptions &options)
{
    auto run = std::make_unique<FloorRun>(options);
    const QJsonObject result = run->run();
    printWorkerResult(result);
    return result.contains(QStringLiteral("error")) ? 1 : 0;
}

} // namespace SwanBench
