// FrameReader: what a server sends, cut anywhere by the network. Input: the first byte picks
// how the rest is cut into reads; the rest is the byte stream from the server. Invariants:
// the events do not depend on the cuts; at most one close or protocol error, and it is last;
// no message over the limit; nothing left in the socket for QWebSocket while reading goes on.
#include "bytepipe.h"
#include "framereader.h"
#include "fuzzcheck.h"

#include <vector>

using SwanSocket::FrameReader;
using SwanSocket::ServerFrame;

namespace {

constexpr qint64 Limit = 1 << 20;

std::vector<ServerFrame> readInPieces(const QByteArray &stream, int piece)
{
    SwanTest::BytePipe pipe;
    FrameReader reader(Limit);
    std::vector<ServerFrame> frames;
    for (qsizetype at = 0; at < stream.size(); at += piece) {
        pipe.feed(stream.mid(at, piece));
        reader.read(&pipe, &frames);
        SWAN_FUZZ_CHECK(reader.isFinished() || pipe.bytesAvailable() == 0,
                        "bytes left unread while reading goes on");
    }
    return frames;
}

bool same(const ServerFrame &a, const ServerFrame &b)
{
    return a.kind == b.kind && a.text == b.text && a.data == b.data && a.code == b.code;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const int piece = 1 + data[0] % 37;
    const QByteArray stream(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    const std::vector<ServerFrame> whole
            = readInPieces(stream, int(qMax<qsizetype>(1, stream.size())));
    const std::vector<ServerFrame> cut = readInPieces(stream, piece);
    SWAN_FUZZ_CHECK(whole.size() == cut.size(), "event count depends on the cuts");
    for (size_t i = 0; i < whole.size(); ++i) {
        SWAN_FUZZ_CHECK(same(whole[i], cut[i]), "event depends on the cuts");
        const bool terminal = whole[i].kind == ServerFrame::Close
                || whole[i].kind == ServerFrame::ProtocolError;
        SWAN_FUZZ_CHECK(!terminal || i + 1 == whole.size(), "an event after the end");
        SWAN_FUZZ_CHECK(whole[i].data.size() <= Limit, "a message over the limit");
        if (whole[i].kind == ServerFrame::Close)
            SWAN_FUZZ_CHECK(whole[i].code == 1005
                                    || (whole[i].code >= 1000 && whole[i].code < 5000),
                            "a close code no server may send");
    }
    return 0;
}
