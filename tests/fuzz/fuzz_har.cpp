// The HAR importer: any bytes, as a file a user opens in the inspector. It must not crash, and
// what it imports must be self-consistent and survive export + import.
#include <SwanSocket/framerecorder.h>
#include <SwanSocket/hararchive.h>

#include "fuzzcheck.h"

#include <QCoreApplication>

using namespace SwanSocket;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static int argc = 1;
    static char name[] = "fuzz_har";
    static char *argv[] = {name, nullptr};
    static QCoreApplication app(argc, argv); // HarArchive translates its messages

    const QByteArray json(reinterpret_cast<const char *>(data), qsizetype(size));
    FrameRecorder recorder;
    QString error;
    const QList<int> ids = HarArchive::import(&recorder, json, &error);
    SWAN_FUZZ_CHECK(ids.size() == recorder.connectionCount(), "one connection per id");
    SWAN_FUZZ_CHECK(!ids.isEmpty() || recorder.frameCount() == 0, "no frames without connections");
    for (const int id : ids)
        SWAN_FUZZ_CHECK(recorder.connection(id) != nullptr, "every id names a connection");

    // Round trip: our own export imports to the same numbers of connections and frames.
    if (!ids.isEmpty()) {
        const QByteArray exported = HarArchive::toHar(recorder);
        FrameRecorder again;
        const QList<int> reimported = HarArchive::import(&again, exported, &error);
        SWAN_FUZZ_CHECK(reimported.size() == ids.size(), "export + import keeps the connections");
        SWAN_FUZZ_CHECK(again.frameCount() == recorder.frameCount(), "and the frames");
    }
    return 0;
}
