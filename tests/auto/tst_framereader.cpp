// FrameReader (lib/src/socket, compiled into this test: it is internal to the library) on its
// own: the same bytes give the same events however the network cuts them. End to end, against
// real servers, it is tested by tst_sockettask, tst_hostile and tst_interop.

#include "bytepipe.h"
#include "framereader.h"
#include "peercommands.h"

#include <QRandomGenerator>
#include <QTest>

using SwanSocket::FrameReader;
using SwanSocket::ServerFrame;
using SwanTest::Opcode;
using SwanTest::serverFrame;

namespace {

QString describe(const ServerFrame &frame)
{
    // An empty message is null, whatever came before it: flagged otherwise.
    if ((frame.kind == ServerFrame::Text && frame.text.isEmpty() && !frame.text.isNull())
        || (frame.kind == ServerFrame::Binary && frame.data.isEmpty() && !frame.data.isNull()))
        return QStringLiteral("empty but not null");
    switch (frame.kind) {
    case ServerFrame::Text:
        return QStringLiteral("text:") + frame.text;
    case ServerFrame::Binary:
        return QStringLiteral("binary:%1:%2").arg(frame.data.size()).arg(qHash(frame.data));
    case ServerFrame::Ping:
        return QStringLiteral("ping:") + QString::fromLatin1(frame.data);
    case ServerFrame::Pong:
        return QStringLiteral("pong:") + QString::fromLatin1(frame.data);
    case ServerFrame::Close:
        return QStringLiteral("close:%1:%2").arg(frame.code).arg(frame.text);
    case ServerFrame::ProtocolError:
        return QStringLiteral("error:%1:%2").arg(frame.code).arg(frame.text);
    }
    return {};
}

/// Feeds @p bytes in pieces of the given sizes (cycled), reading after each piece.
QStringList readInPieces(const QByteArray &bytes, const QList<int> &pieces, qint64 limit)
{
    SwanTest::BytePipe pipe;
    FrameReader reader(limit);
    std::vector<ServerFrame> frames;
    qsizetype at = 0;
    for (int i = 0; at < bytes.size(); ++i) {
        const int piece = pieces.at(i % pieces.size());
        pipe.feed(bytes.mid(at, piece));
        at += piece;
        reader.read(&pipe, &frames);
        if (!reader.isFinished() && pipe.bytesAvailable() != 0) // QWebSocket would read them
            return {QStringLiteral("bytes left unread in the socket")};
    }
    QStringList lines;
    for (const ServerFrame &frame : frames)
        lines << describe(frame);
    return lines;
}

QByteArray frameWithHeader(quint8 first, quint8 second, const QByteArray &extra,
                           const QByteArray &payload)
{
    return QByteArray(1, char(first)) + char(second) + extra + payload;
}

} // namespace

class TestFrameReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sameEventsHoweverCut_data();
    void sameEventsHoweverCut();
};

void TestFrameReader::sameEventsHoweverCut_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<qint64>("limit");
    QTest::addColumn<QStringList>("expected");
    const QByteArray zhong = QStringLiteral("中").toUtf8();
    const QByteArray big = SwanTest::countingBytes(200000);
    const qint64 noLimit = 1 << 30;

    QTest::newRow("text, binary, ping, pong, close")
            << serverFrame(Opcode::Text, "hi")
                    + serverFrame(Opcode::Binary, QByteArray("\x00\x01", 2))
                    + serverFrame(Opcode::Ping, "p") + serverFrame(Opcode::Pong, "q")
                    + serverFrame(Opcode::Close, QByteArray("\x03\xe8") + "bye")
            << noLimit
            << QStringList {QStringLiteral("text:hi"),
                            QStringLiteral("binary:2:%1").arg(qHash(QByteArray("\x00\x01", 2))),
                            QStringLiteral("ping:p"), QStringLiteral("pong:q"),
                            QStringLiteral("close:1000:bye")};
    QTest::newRow("16- and 64-bit lengths, fragmented, ping between")
            << serverFrame(Opcode::Binary, big.left(300), false) + serverFrame(Opcode::Ping, "x")
                    + serverFrame(Opcode::Continuation, big.mid(300, 70000), false)
                    + serverFrame(Opcode::Continuation, big.mid(70300))
            << noLimit
            << QStringList {QStringLiteral("ping:x"),
                            QStringLiteral("binary:200000:%1").arg(qHash(big))};
    QTest::newRow("character split across fragments")
            << serverFrame(Opcode::Text, "a" + zhong.left(1), false)
                    + serverFrame(Opcode::Continuation, zhong.mid(1, 1), false)
                    + serverFrame(Opcode::Continuation, zhong.mid(2) + "b")
            << noLimit << QStringList {QStringLiteral("text:a中b")};
    QTest::newRow("empty messages and a close without a code")
            << serverFrame(Opcode::Text, {}) + serverFrame(Opcode::Binary, {})
                    + serverFrame(Opcode::Close, {})
            << noLimit
            << QStringList {QStringLiteral("text:"),
                            QStringLiteral("binary:0:%1").arg(qHash(QByteArray())),
                            QStringLiteral("close:1005:")};
    QTest::newRow("nothing after the close frame")
            << serverFrame(Opcode::Close, QByteArray("\x0f\xa0"))
                    + serverFrame(Opcode::Text, "late")
            << noLimit << QStringList {QStringLiteral("close:4000:")};
    // The buffer a text message leaves serves the next message: nothing of it may show.
    const QByteArray longText(70000, 'y');
    QTest::newRow("messages after longer ones")
            << serverFrame(Opcode::Text, "hello world") + serverFrame(Opcode::Text, "ab")
                    + serverFrame(Opcode::Binary, "c") + serverFrame(Opcode::Text, longText)
                    + serverFrame(Opcode::Text, "d", false) + serverFrame(Opcode::Continuation, "e")
                    + serverFrame(Opcode::Binary, QByteArray("\x00\x01", 2))
                    + serverFrame(Opcode::Text, "f") + serverFrame(Opcode::Text, {})
                    + serverFrame(Opcode::Text, "g") + serverFrame(Opcode::Binary, {})
            << noLimit
            << QStringList {QStringLiteral("text:hello world"),
                            QStringLiteral("text:ab"),
                            QStringLiteral("binary:1:%1").arg(qHash(QByteArray("c"))),
                            QStringLiteral("text:") + QString::fromLatin1(longText),
                            QStringLiteral("text:de"),
                            QStringLiteral("binary:2:%1").arg(qHash(QByteArray("\x00\x01", 2))),
                            QStringLiteral("text:f"),
                            QStringLiteral("text:"),
                            QStringLiteral("text:g"),
                            QStringLiteral("binary:0:%1").arg(qHash(QByteArray()))};
    QTest::newRow("message ends inside a character")
            << serverFrame(Opcode::Text, "a" + zhong.left(2)) + serverFrame(Opcode::Text, "next")
            << noLimit
            << QStringList {QStringLiteral("error:1007:Invalid UTF-8 code encountered.")};
    QTest::newRow("masked frame") << frameWithHeader(0x81, 0x80 | 2, QByteArray(4, '\x11'), "ab")
                                  << noLimit
                                  << QStringList {QStringLiteral(
                                             "error:1002:a server must not mask its frames")};
    QTest::newRow("64-bit length with the top bit set")
            << frameWithHeader(0x82, 127, QByteArray("\x80\0\0\0\0\0\0\x01", 8), "x") << noLimit
            << QStringList {QStringLiteral("error:1002:Highest bit of payload length is not 0.")};
    QTest::newRow("16-bit length for a short frame")
            << frameWithHeader(0x81, 126, QByteArray("\0\x02", 2), "ab") << noLimit
            << QStringList {QStringLiteral(
                       "error:1002:Lengths smaller than 126 must be expressed as one byte.")};
    QTest::newRow("64-bit length for a 16-bit one")
            << frameWithHeader(0x82, 127, QByteArray("\0\0\0\0\0\0\x01\0", 8), QByteArray(256, 'x'))
            << noLimit
            << QStringList {QStringLiteral("error:1002:Lengths smaller than 65536 (2^16) must be "
                                           "expressed as 2 bytes.")};
    QTest::newRow("a leading U+FEFF is text")
            << serverFrame(Opcode::Text, "\xEF\xBB\xBFhi") << noLimit
            << QStringList {QStringLiteral("text:\uFEFFhi")};
    QTest::newRow("2 GiB announced, 3 bytes sent: nothing reserved ahead")
            << frameWithHeader(0x82, 127, QByteArray("\0\0\0\0\x7f\xff\xff\xfd", 8), "abc")
            << qint64(INT_MAX - 1) << QStringList {};
    QTest::newRow("frame over the limit, before its payload arrives")
            << frameWithHeader(0x82, 127, QByteArray("\0\0\0\x01\0\0\0\0", 8), {}) << noLimit
            << QStringList {QStringLiteral("error:1009:Maximum framesize exceeded.")};
    QTest::newRow("fragments adding up to over the limit")
            << serverFrame(Opcode::Binary, QByteArray(60, 'a'), false)
                    + serverFrame(Opcode::Continuation, QByteArray(41, 'b'))
            << qint64(100)
            << QStringList {QStringLiteral("error:1009:Received message is too big.")};
    QTest::newRow("at the limit")
            << serverFrame(Opcode::Binary, QByteArray(60, 'a'), false)
                    + serverFrame(Opcode::Continuation, QByteArray(40, 'a'))
            << qint64(100)
            << QStringList {QStringLiteral("binary:100:%1").arg(qHash(QByteArray(100, 'a')))};
}

void TestFrameReader::sameEventsHoweverCut()
{
    QFETCH(QByteArray, bytes);
    QFETCH(qint64, limit);
    QFETCH(QStringList, expected);
    QCOMPARE(readInPieces(bytes, {int(bytes.size())}, limit), expected); // all at once
    QCOMPARE(readInPieces(bytes, {1}, limit), expected); // a byte at a time
    QRandomGenerator random(20261125);
    for (int round = 0; round < 20; ++round) {
        QList<int> pieces;
        for (int i = 0; i < 16; ++i)
            pieces << 1 + int(random.bounded(i % 2 ? 20 : 70000));
        QCOMPARE(readInPieces(bytes, pieces, limit), expected);
    }
}

QTEST_GUILESS_MAIN(TestFrameReader)
#include "tst_framereader.moc"
