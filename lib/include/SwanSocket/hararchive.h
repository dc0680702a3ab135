#pragma once

#include <SwanSocket/swansocket_export.h>

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QUrl>

#include <memory>

namespace SwanSocket {

class FrameRecorder;
class HarArchivePrivate;

/**
 * Writes a FrameRecorder's connections as HAR 1.2 the way Chrome DevTools does, and reads
 * such files (ours, Chrome's, Firefox's) back into a recorder as offline connections.
 *
 * Export: one entry per connection with "_resourceType": "websocket", the handshake as
 * request/response (status 101 and the real headers), and "_webSocketMessages": text frames
 * as opcode 1 with the text, binary frames as opcode 2 with base64, "time" in epoch seconds
 * with microseconds. Close, ping and pong frames are exported with opcodes 8, 9 and 10 (Chrome
 * shows them by opcode name; data is the reason, or base64 of the payload) and the close code
 * in "_closeCode", so Chrome's importer, which reads only type/time/opcode/data, is not broken.
 * Connection facts Chrome has no field for go to "_swan…" fields.
 *
 * Import: every entry that is a WebSocket (_resourceType "websocket", _webSocketMessages, a
 * ws/wss url or a 101 status) becomes an offline connection; missing fields are defaults,
 * monotonic message times (small numbers, no wall clock) are placed after startedDateTime,
 * startedDateTime 1969 or unparsable is kept as the epoch, status 0 means the handshake
 * failed, frames of type "error" become the connection's lastError.
 *
 * Export then import gives the same connections and frames (ids aside): tst_har.
 */
class SWANSOCKET_EXPORT HarArchive : public QObject
{
    Q_OBJECT
    Q_MOC_INCLUDE(<SwanSocket / framerecorder.h>)
    Q_PROPERTY(SwanSocket::FrameRecorder *recorder READ recorder WRITE setRecorder NOTIFY
                       recorderChanged)
    /// Why the last save()/load() failed, translated; "" after a success.
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorStringChanged)

public:
    explicit HarArchive(QObject *parent = nullptr);
    ~HarArchive() override;

    FrameRecorder *recorder() const;
    /// Does not take ownership.
    void setRecorder(FrameRecorder *recorder);
    QString errorString() const;

    /// Writes connection @p taskId (-1: every connection) of recorder() to @p file (a local
    /// file url or path). False, with errorString, when it cannot be written.
    Q_INVOKABLE bool save(const QUrl &file, int taskId = -1);
    /// Adds the WebSocket connections of HAR @p file to recorder(). Returns how many were
    /// added, -1 with errorString when the file cannot be read or is not HAR.
    Q_INVOKABLE int load(const QUrl &file);

    /// The HAR document ({"log": …}) of connections @p taskIds (empty: all) of @p recorder.
    static QJsonObject toJson(const FrameRecorder &recorder, const QList<int> &taskIds = {});
    /// toJson() as indented UTF-8 JSON.
    static QByteArray toHar(const FrameRecorder &recorder, const QList<int> &taskIds = {});
    /// Adds the WebSocket entries of HAR document @p har to @p recorder; returns the ids of
    /// the connections added. On a document that is not HAR returns {} and sets @p errorString.
    static QList<int> import(FrameRecorder *recorder, const QJsonObject &har,
                             QString *errorString = nullptr);
    /// import() from JSON text.
    static QList<int> import(FrameRecorder *recorder, const QByteArray &json,
                             QString *errorString = nullptr);

Q_SIGNALS:
    void recorderChanged();
    void errorStringChanged();

private:
    friend class HarArchivePrivate;
    std::unique_ptr<HarArchivePrivate> const d;
};

} // namespace SwanSocket
