// swan-bench-server: the echo server swan-bench measures clients against, in its own process.
//
// It must not be the bottleneck (perf-anchors.md: Qt's QWebSocketServer needed 47% CPU on W4,
// node-ws's server up to 64% on W1), so it is plain OpenSSL on one epoll thread with no Qt:
// - WebSocket frames are echoed as they stream in: the header goes out as soon as it is parsed
//   and the payload is unmasked a machine word at a time straight into the output buffer, so a
//   64 MiB frame never sits whole in the server;
// - input is read until the kernel has nothing more (or the output holds kFlushAt bytes), then
//   written in one go, so small messages share TLS records;
// - a connection whose output backs up past kFlushAt is not read until it drains (the client's
//   own send buffers then fill: backpressure, bounded memory).
// A second port serves the "floor": the same bytes echoed over plain TLS, without framing. A
// plain GET on the wss port gets a file of --docroot (the Chromium client's page), with the
// headers that make the page cross-origin isolated (performance.now() at 5 µs, not 100 µs).
//
// Prints "PORTS <wss> <floor> <ws>" once listening (each on 127.0.0.1 and ::1). Each line read on
// stdin is answered with "CPU <µs>", the user + system time it has used so far (getrusage is
// precise where /proc/<pid>/stat counts 10 ms ticks). Ends at the end of stdin, on SIGTERM or
// SIGINT, or when its parent dies.
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/sha.h>
#include <openssl/ssl.h>

#include <arpa/inet.h>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <string>
#include <sys/epoll.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace {

constexpr size_t kReadChunk = 256 * 1024;
/// Output that is written before reading on, and above which input waits for it to drain.
constexpr size_t kFlushAt = 512 * 1024;
constexpr size_t kMaxRequestHead = 16 * 1024;
/// Encrypted output gathered before it is written to the socket.
constexpr long kWriteBuffer = 256 * 1024;

volatile std::sig_atomic_t stopRequested = 0;

void requestStop(int) { stopRequested = 1; }

/// A byte queue: append at the tail, consume from the head; compacts instead of growing when
/// it can.
struct Buffer
{
    unsigned char *data = nullptr;
    size_t head = 0;
    size_t tail = 0;
    size_t capacity = 0;

    Buffer() = default;
    Buffer(const Buffer &) = delete;
    Buffer &operator=(const Buffer &) = delete;
    ~Buffer() { std::free(data); }
    /// Frees the memory (the request head once it has been answered).
    void release()
    {
        std::free(data);
        data = nullptr;
        head = tail = capacity = 0;
    }
    size_t size() const { return tail - head; }
    bool empty() const { return head == tail; }
    /// Room for @p extra more bytes at the tail; returns where they go.
    unsigned char *reserve(size_t extra)
    {
        if (head == tail)
            head = tail = 0;
        if (capacity - tail >= extra)
            return data + tail;
        if (head > 0 && capacity - size() >= extra) {
            std::memmove(data, data + head, size());
            tail -= head;
            head = 0;
            return data + tail;
        }
        size_t wanted = capacity ? capacity : 64 * 1024;
        while (wanted - size() < extra)
            wanted *= 2;
        auto *grown = static_cast<unsigned char *>(std::malloc(wanted));
        if (!grown) {
            std::perror("swan-bench-server: malloc");
            std::exit(1);
        }
        if (size())
            std::memcpy(grown, data + head, size());
        std::free(data);
        data = grown;
        tail -= head;
        head = 0;
        capacity = wanted;
        return data + tail;
    }
    void append(const void *bytes, size_t count)
    {
        std::memcpy(reserve(count), bytes, count);
        tail += count;
    }
    void consume(size_t count) { head += count; }
};

enum class Kind { WebSocket, Floor };
enum class Phase { TlsHandshake, RequestHead, Open, Closing };

struct Endpoint
{
    bool isListener;
};

struct Listener : Endpoint
{
    int fd = -1;
    Kind kind = Kind::WebSocket;
    bool secure = true;
};

struct Connection : Endpoint
{
    int fd = -1;
    SSL *ssl = nullptr; // null for plain ws
    Kind kind = Kind::WebSocket;
    Phase phase = Phase::TlsHandshake;
    uint32_t events = 0; // what epoll watches now
    Buffer request; // the HTTP request head
    Buffer out;
    bool closeWhenFlushed = false;

    // The frame being parsed.
    unsigned char header[14];
    size_t headerLength = 0;
    bool inPayload = false;
    uint8_t opcode = 0;
    uint64_t payloadLeft = 0;
    unsigned char mask[4] = {0, 0, 0, 0};
    size_t maskOffset = 0;
    unsigned char control[125];
    size_t controlLength = 0;
};

SSL_CTX *sslContext = nullptr;
std::string documentRoot; // --docroot: files a plain GET may fetch
int epollFd = -1;
unsigned char readBuffer[kReadChunk];

void unmask(unsigned char *to, const unsigned char *from, size_t count, const unsigned char mask[4],
            size_t offset)
{
    // The 4-byte key repeated over a 64-bit word, starting where this chunk starts in it.
    unsigned char keyBytes[8];
    for (size_t i = 0; i < 8; ++i)
        keyBytes[i] = mask[(offset + i) & 3];
    uint64_t key;
    std::memcpy(&key, keyBytes, 8);
    size_t i = 0;
    for (; i + 8 <= count; i += 8) {
        uint64_t word;
        std::memcpy(&word, from + i, 8);
        word ^= key;
        std::memcpy(to + i, &word, 8);
    }
    for (; i < count; ++i)
        to[i] = from[i] ^ mask[(offset + i) & 3];
}

void appendFrameHeader(Buffer &out, uint8_t firstByte, uint64_t length)
{
    unsigned char header[10];
    size_t size = 2;
    header[0] = firstByte;
    if (length < 126) {
        header[1] = uint8_t(length);
    } else if (length <= 0xffff) {
        header[1] = 126;
        header[2] = uint8_t(length >> 8);
        header[3] = uint8_t(length);
        size = 4;
    } else {
        header[1] = 127;
        for (int i = 0; i < 8; ++i)
            header[2 + i] = uint8_t(length >> (56 - 8 * i));
        size = 10;
    }
    out.append(header, size);
}

void closeConnection(Connection *c)
{
    epoll_ctl(epollFd, EPOLL_CTL_DEL, c->fd, nullptr);
    if (c->ssl)
        SSL_free(c->ssl);
    ::close(c->fd);
    delete c;
}

std::string headerValue(const std::string &head, const char *name)
{
    const size_t nameLength = std::strlen(name);
    size_t lineStart = head.find("\r\n");
    while (lineStart != std::string::npos) {
        lineStart += 2;
        const size_t lineEnd = head.find("\r\n", lineStart);
        if (lineEnd == std::string::npos || lineEnd == lineStart)
            break;
        if (lineEnd - lineStart > nameLength && head[lineStart + nameLength] == ':'
            && strncasecmp(head.c_str() + lineStart, name, nameLength) == 0) {
            size_t valueStart = lineStart + nameLength + 1;
            while (valueStart < lineEnd && (head[valueStart] == ' ' || head[valueStart] == '\t'))
                ++valueStart;
            size_t valueEnd = lineEnd;
            while (valueEnd > valueStart
                   && (head[valueEnd - 1] == ' ' || head[valueEnd - 1] == '\t'))
                --valueEnd;
            return head.substr(valueStart, valueEnd - valueStart);
        }
        lineStart = lineEnd;
    }
    return {};
}

void respond(Connection *c, const char *status, const char *contentType, const std::string &body)
{
    // Cross-origin isolation gives the page performance.now() at 5 µs instead of 100 µs.
    std::string response = std::string("HTTP/1.1 ") + status + "\r\nContent-Type: " + contentType
            + "\r\nContent-Length: " + std::to_string(body.size())
            + "\r\nCache-Control: no-store\r\nCross-Origin-Opener-Policy: same-origin"
              "\r\nCross-Origin-Embedder-Policy: require-corp"
              "\r\nCross-Origin-Resource-Policy: same-origin\r\nConnection: close\r\n\r\n"
            + body;
    c->out.append(response.data(), response.size());
    c->closeWhenFlushed = true;
}

/// A plain GET (no upgrade): a file of --docroot, for the Chromium client's page.
void serveFile(Connection *c, const std::string &head)
{
    const size_t pathStart = 4;
    const size_t pathEnd = head.find_first_of(" ?", pathStart);
    const std::string name = head.substr(pathStart + 1, pathEnd - pathStart - 1);
    const bool plainName = !name.empty() && name.find('/') == std::string::npos
            && name.find("..") == std::string::npos && name[0] != '.';
    FILE *file = plainName && !documentRoot.empty()
            ? std::fopen((documentRoot + "/" + name).c_str(), "rb")
            : nullptr;
    if (!file) {
        respond(c, "404 Not Found", "text/plain", "not found\n");
        return;
    }
    std::string body;
    char chunk[16384];
    size_t n;
    while ((n = std::fread(chunk, 1, sizeof chunk, file)) > 0)
        body.append(chunk, n);
    std::fclose(file);
    const bool isHtml = name.size() > 5 && name.compare(name.size() - 5, 5, ".html") == 0;
    respond(c, "200 OK", isHtml ? "text/html; charset=utf-8" : "text/javascript; charset=utf-8",
            body);
}

/// Answers the opening handshake (or a plain GET); false when it is not one.
bool answerHandshake(Connection *c, const std::string &head)
{
    const std::string key = headerValue(head, "Sec-WebSocket-Key");
    if (head.compare(0, 4, "GET ") != 0) {
        respond(c, "400 Bad Request", "text/plain", "");
        return false;
    }
    if (key.empty()) {
        serveFile(c, head);
        return false;
    }
    const std::string accept = key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    unsigned char digest[SHA_DIGEST_LENGTH];
    SHA1(reinterpret_cast<const unsigned char *>(accept.data()), accept.size(), digest);
    unsigned char encoded[64];
    const int encodedLength = EVP_EncodeBlock(encoded, digest, SHA_DIGEST_LENGTH);
    std::string response = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                           "Connection: Upgrade\r\nSec-WebSocket-Accept: ";
    response.append(reinterpret_cast<const char *>(encoded), size_t(encodedLength));
    response.append("\r\n\r\n");
    c->out.append(response.data(), response.size());
    return true;
}

void finishFrame(Connection *c)
{
    switch (c->opcode) {
    case 0x8: // close: echo the code and reason, then end the connection
        appendFrameHeader(c->out, 0x88, c->controlLength);
        c->out.append(c->control, c->controlLength);
        c->phase = Phase::Closing;
        c->closeWhenFlushed = true;
        break;
    case 0x9: // ping
        appendFrameHeader(c->out, 0x8a, c->controlLength);
        c->out.append(c->control, c->controlLength);
        break;
    default: // data frames were echoed as they came; pongs need nothing
        break;
    }
    c->inPayload = false;
    c->headerLength = 0;
    c->controlLength = 0;
}

/// Parses client frames from @p data and echoes them; false on a protocol error.
bool consumeFrames(Connection *c, const unsigned char *data, size_t count)
{
    while (count > 0 && c->phase == Phase::Open) {
        if (!c->inPayload) {
            c->header[c->headerLength++] = *data++;
            --count;
            if (c->headerLength < 2)
                continue;
            const uint8_t length7 = c->header[1] & 0x7f;
            const bool masked = c->header[1] & 0x80;
            const size_t needed = 2
                    + (length7 == 126           ? 2
                               : length7 == 127 ? 8
                                                : 0)
                    + (masked ? 4 : 0);
            if (c->headerLength < needed)
                continue;
            uint64_t length = length7;
            size_t at = 2;
            if (length7 == 126) {
                length = (uint64_t(c->header[2]) << 8) | c->header[3];
                at = 4;
            } else if (length7 == 127) {
                length = 0;
                for (int i = 0; i < 8; ++i)
                    length = (length << 8) | c->header[2 + i];
                at = 10;
            }
            if (masked)
                std::memcpy(c->mask, c->header + at, 4);
            else
                std::memset(c->mask, 0, 4);
            c->opcode = c->header[0] & 0x0f;
            const bool isControl = c->opcode & 0x8;
            if (isControl && length > sizeof c->control)
                return false;
            if (!isControl)
                appendFrameHeader(c->out, c->header[0] & 0x8f, length); // FIN + opcode, unmasked
            c->payloadLeft = length;
            c->maskOffset = 0;
            c->inPayload = true;
            if (length == 0)
                finishFrame(c);
            continue;
        }
        const size_t take = size_t(std::min<uint64_t>(c->payloadLeft, count));
        if (c->opcode & 0x8) {
            unmask(c->control + c->controlLength, data, take, c->mask, c->maskOffset);
            c->controlLength += take;
        } else {
            unmask(c->out.reserve(take), data, take, c->mask, c->maskOffset);
            c->out.tail += take;
        }
        c->maskOffset += take;
        c->payloadLeft -= take;
        data += take;
        count -= take;
        if (c->payloadLeft == 0)
            finishFrame(c);
    }
    return true;
}

bool consume(Connection *c, const unsigned char *data, size_t count)
{
    if (c->kind == Kind::Floor) {
        c->out.append(data, count);
        return true;
    }
    if (c->phase == Phase::RequestHead) {
        c->request.append(data, count);
        const std::string head(reinterpret_cast<const char *>(c->request.data + c->request.head),
                               c->request.size());
        const size_t end = head.find("\r\n\r\n");
        if (end == std::string::npos)
            return head.size() <= kMaxRequestHead;
        if (!answerHandshake(c, head.substr(0, end + 4)))
            return true; // the 400 goes out, then the connection closes
        c->phase = Phase::Open;
        const std::string rest = head.substr(end + 4);
        c->request.release();
        return consumeFrames(c, reinterpret_cast<const unsigned char *>(rest.data()), rest.size());
    }
    if (c->phase == Phase::Open)
        return consumeFrames(c, data, count);
    return true; // Closing: whatever follows the close frame is ignored
}

enum class Io { Progress, Blocked, WantWrite, Closed, Failed };

Io readSome(Connection *c, size_t *count)
{
    if (!c->ssl) {
        const ssize_t n = ::recv(c->fd, readBuffer, sizeof readBuffer, 0);
        if (n > 0) {
            *count = size_t(n);
            return Io::Progress;
        }
        if (n == 0)
            return Io::Closed;
        return errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR ? Io::Blocked : Io::Failed;
    }
    const int n = SSL_read(c->ssl, readBuffer, int(sizeof readBuffer));
    if (n > 0) {
        *count = size_t(n);
        return Io::Progress;
    }
    switch (SSL_get_error(c->ssl, n)) {
    case SSL_ERROR_WANT_READ:
        return Io::Blocked;
    case SSL_ERROR_WANT_WRITE:
        return Io::WantWrite;
    case SSL_ERROR_ZERO_RETURN:
        return Io::Closed;
    default:
        ERR_clear_error();
        return Io::Failed;
    }
}

/// TLS records written by SSL_write but still in the connection's write buffer (kWriteBuffer).
bool encryptedWaiting(const Connection *c)
{
    return c->ssl && BIO_wpending(SSL_get_wbio(c->ssl)) > 0;
}

/// Writes what it can of the output; Progress when all of it went.
Io flush(Connection *c)
{
    while (!c->out.empty()) {
        const size_t chunk = std::min<size_t>(c->out.size(), 1 << 20);
        if (!c->ssl) {
            const ssize_t n = ::send(c->fd, c->out.data + c->out.head, chunk, MSG_NOSIGNAL);
            if (n > 0) {
                c->out.consume(size_t(n));
                continue;
            }
            return errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR ? Io::Blocked
                                                                             : Io::Failed;
        }
        const int n = SSL_write(c->ssl, c->out.data + c->out.head, int(chunk));
        if (n > 0) {
            c->out.consume(size_t(n));
            continue;
        }
        switch (SSL_get_error(c->ssl, n)) {
        case SSL_ERROR_WANT_WRITE:
        case SSL_ERROR_WANT_READ:
            return Io::Blocked;
        default:
            ERR_clear_error();
            return Io::Failed;
        }
    }
    if (encryptedWaiting(c)) {
        BIO *wbio = SSL_get_wbio(c->ssl);
        if (BIO_flush(wbio) <= 0)
            return BIO_should_retry(wbio) ? Io::Blocked : Io::Failed;
    }
    return Io::Progress;
}

void watch(Connection *c, uint32_t events)
{
    if (c->events == events)
        return;
    c->events = events;
    epoll_event event {};
    event.events = events;
    event.data.ptr = static_cast<Endpoint *>(c);
    epoll_ctl(epollFd, EPOLL_CTL_MOD, c->fd, &event);
}

/// Does all the work a connection can do now, then sets what epoll should wake it for.
void serve(Connection *c)
{
    bool wantWrite = false;
    if (c->phase == Phase::TlsHandshake) {
        const int result = SSL_do_handshake(c->ssl);
        if (result != 1) {
            const int error = SSL_get_error(c->ssl, result);
            if (error == SSL_ERROR_WANT_READ || error == SSL_ERROR_WANT_WRITE) {
                watch(c, error == SSL_ERROR_WANT_READ ? EPOLLIN : EPOLLOUT);
                return;
            }
            ERR_clear_error();
            closeConnection(c);
            return;
        }
        c->phase = c->kind == Kind::WebSocket ? Phase::RequestHead : Phase::Open;
    }
    for (;;) {
        bool drained = false; // the kernel had nothing more to read
        while (c->out.size() < kFlushAt && !c->closeWhenFlushed) {
            size_t count = 0;
            const Io io = readSome(c, &count);
            if (io == Io::Progress) {
                if (!consume(c, readBuffer, count)) {
                    closeConnection(c);
                    return;
                }
                continue;
            }
            if (io == Io::Closed || io == Io::Failed) {
                closeConnection(c);
                return;
            }
            wantWrite = io == Io::WantWrite;
            drained = true;
            break;
        }
        const Io written = flush(c);
        if (written == Io::Failed) {
            closeConnection(c);
            return;
        }
        if (written == Io::Blocked || drained || c->closeWhenFlushed)
            break;
    }
    if (c->closeWhenFlushed && c->out.empty() && !encryptedWaiting(c)) {
        if (c->ssl)
            SSL_shutdown(c->ssl);
        closeConnection(c);
        return;
    }
    uint32_t events = 0;
    if (c->out.size() < kFlushAt && !c->closeWhenFlushed)
        events |= EPOLLIN;
    if (!c->out.empty() || wantWrite || encryptedWaiting(c))
        events |= EPOLLOUT;
    watch(c, events);
}

void accept(Listener *listener)
{
    for (;;) {
        const int fd = ::accept4(listener->fd, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (fd < 0)
            return; // EAGAIN, or a transient error: epoll will tell us again
        const int one = 1;
        setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        auto *c = new Connection;
        c->isListener = false;
        c->fd = fd;
        c->kind = listener->kind;
        if (listener->secure) {
            c->ssl = SSL_new(sslContext);
            // Reads straight from the socket (read-ahead fills its own buffer); writes through
            // a buffer, so the records of one SSL_write leave in a few large writes, not one
            // 16 KiB syscall each (w3: 16.9k writes -> 1.5k, ~15 % less server CPU per byte).
            BIO *socketBio = BIO_new_socket(fd, BIO_NOCLOSE);
            BIO *buffered = BIO_new(BIO_f_buffer());
            BIO_set_write_buffer_size(buffered, kWriteBuffer);
            BIO_up_ref(socketBio); // one reference for each side SSL_set_bio hands over
            BIO_push(buffered, socketBio);
            SSL_set_bio(c->ssl, socketBio, buffered);
            SSL_set_accept_state(c->ssl);
            c->phase = Phase::TlsHandshake;
        } else {
            c->phase = Phase::RequestHead;
        }
        c->events = EPOLLIN;
        epoll_event event {};
        event.events = EPOLLIN;
        event.data.ptr = static_cast<Endpoint *>(c);
        epoll_ctl(epollFd, EPOLL_CTL_ADD, fd, &event);
        serve(c);
    }
}

/// Listens on 127.0.0.1 and ::1 with the same port (0: pick one); returns the port or -1.
int listenOnLoopback(Kind kind, bool secure, int port, std::vector<Listener *> *listeners)
{
    for (int attempt = 0; attempt < 20; ++attempt) {
        std::vector<Listener *> made;
        int chosen = port;
        bool ok = true;
        for (int family : {AF_INET, AF_INET6}) {
            const int fd = ::socket(family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
            if (fd < 0) {
                if (family == AF_INET6)
                    break; // no IPv6 here: 127.0.0.1 alone will do
                ok = false;
                break;
            }
            const int one = 1;
            setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
            int bound;
            if (family == AF_INET) {
                sockaddr_in address {};
                address.sin_family = AF_INET;
                address.sin_port = htons(uint16_t(chosen));
                address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
                bound = ::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof address);
            } else {
                setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &one, sizeof one);
                sockaddr_in6 address {};
                address.sin6_family = AF_INET6;
                address.sin6_port = htons(uint16_t(chosen));
                address.sin6_addr = in6addr_loopback;
                bound = ::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof address);
                if (bound != 0 && errno == EADDRNOTAVAIL) { // IPv6 disabled
                    ::close(fd);
                    break;
                }
            }
            if (bound != 0 || ::listen(fd, 512) != 0) {
                ::close(fd);
                ok = false;
                break;
            }
            if (chosen == 0) {
                sockaddr_in address {};
                socklen_t length = sizeof address;
                getsockname(fd, reinterpret_cast<sockaddr *>(&address), &length);
                chosen = ntohs(address.sin_port);
            }
            auto *listener = new Listener;
            listener->isListener = true;
            listener->fd = fd;
            listener->kind = kind;
            listener->secure = secure;
            made.push_back(listener);
        }
        if (ok) {
            listeners->insert(listeners->end(), made.begin(), made.end());
            return chosen;
        }
        for (Listener *listener : made) {
            ::close(listener->fd);
            delete listener;
        }
        if (port != 0)
            return -1;
    }
    return -1;
}

/// Answers every line on stdin with the CPU time used so far; false at the end of stdin.
bool answerControl()
{
    char line[256];
    const ssize_t n = ::read(STDIN_FILENO, line, sizeof line);
    if (n == 0 || (n < 0 && errno != EINTR && errno != EAGAIN))
        return false;
    for (ssize_t i = 0; i < n; ++i) {
        if (line[i] != '\n')
            continue;
        rusage usage {};
        getrusage(RUSAGE_SELF, &usage);
        const long long micros = (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000000LL
                + usage.ru_utime.tv_usec + usage.ru_stime.tv_usec;
        std::printf("CPU %lld\n", micros);
        std::fflush(stdout);
    }
    return true;
}

[[noreturn]] void usage()
{
    std::fprintf(stderr,
                 "usage: swan-bench-server --cert FILE --key FILE [--port N] [--floor-port N]\n"
                 "                         [--ws-port N] [--docroot DIR]\n"
                 "Echoes WebSocket frames (wss on --port, ws on --ws-port) and raw bytes over\n"
                 "TLS (--floor-port); a plain GET gets a file of DIR. Prints\n"
                 "\"PORTS <wss> <floor> <ws>\" when listening.\n");
    std::exit(2);
}

} // namespace

int main(int argc, char **argv)
{
    const char *certFile = nullptr;
    const char *keyFile = nullptr;
    int port = 0;
    int floorPort = 0;
    int wsPort = 0;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (i + 1 >= argc)
            usage();
        if (arg == "--cert")
            certFile = argv[++i];
        else if (arg == "--key")
            keyFile = argv[++i];
        else if (arg == "--port")
            port = std::atoi(argv[++i]);
        else if (arg == "--floor-port")
            floorPort = std::atoi(argv[++i]);
        else if (arg == "--ws-port")
            wsPort = std::atoi(argv[++i]);
        else if (arg == "--docroot")
            documentRoot = argv[++i];
        else
            usage();
    }
    if (!certFile || !keyFile)
        usage();

    prctl(PR_SET_PDEATHSIG, SIGTERM); // never outlive swan-bench
    std::signal(SIGPIPE, SIG_IGN);
    struct sigaction stop
    {
    };
    stop.sa_handler = requestStop;
    sigaction(SIGTERM, &stop, nullptr);
    sigaction(SIGINT, &stop, nullptr);

    sslContext = SSL_CTX_new(TLS_server_method());
    SSL_CTX_set_min_proto_version(sslContext, TLS1_2_VERSION);
    SSL_CTX_set_mode(sslContext,
                     SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);
    SSL_CTX_set_read_ahead(sslContext, 1); // fewer, larger reads from the kernel
    SSL_CTX_set_num_tickets(sslContext, 0); // nobody resumes: save the work
    if (SSL_CTX_use_certificate_chain_file(sslContext, certFile) != 1
        || SSL_CTX_use_PrivateKey_file(sslContext, keyFile, SSL_FILETYPE_PEM) != 1) {
        std::fprintf(stderr, "swan-bench-server: cannot load %s / %s\n", certFile, keyFile);
        ERR_print_errors_fp(stderr);
        return 1;
    }

    epollFd = epoll_create1(EPOLL_CLOEXEC);
    std::vector<Listener *> listeners;
    const int chosenPort = listenOnLoopback(Kind::WebSocket, true, port, &listeners);
    const int chosenFloor = listenOnLoopback(Kind::Floor, true, floorPort, &listeners);
    const int chosenWs = listenOnLoopback(Kind::WebSocket, false, wsPort, &listeners);
    if (chosenPort < 0 || chosenFloor < 0 || chosenWs < 0) {
        std::fprintf(stderr, "swan-bench-server: cannot listen: %s\n", std::strerror(errno));
        return 1;
    }
    for (Listener *listener : listeners) {
        epoll_event event {};
        event.events = EPOLLIN;
        event.data.ptr = static_cast<Endpoint *>(listener);
        epoll_ctl(epollFd, EPOLL_CTL_ADD, listener->fd, &event);
    }
    struct stat input
    {
    };
    if (fstat(STDIN_FILENO, &input) == 0 && (S_ISFIFO(input.st_mode) || isatty(STDIN_FILENO))) {
        epoll_event control {};
        control.events = EPOLLIN;
        control.data.ptr = nullptr; // stdin
        epoll_ctl(epollFd, EPOLL_CTL_ADD, STDIN_FILENO, &control);
    }
    std::printf("PORTS %d %d %d\n", chosenPort, chosenFloor, chosenWs);
    std::fflush(stdout);

    epoll_event events[128];
    while (!stopRequested) {
        const int count = epoll_wait(epollFd, events, 128, 1000);
        for (int i = 0; i < count; ++i) {
            auto *endpoint = static_cast<Endpoint *>(events[i].data.ptr);
            if (!endpoint) {
                if (!answerControl())
                    stopRequested = 1;
            } else if (endpoint->isListener)
                accept(static_cast<Listener *>(endpoint));
            else
                serve(static_cast<Connection *>(endpoint));
        }
    }
    return 0;
}
