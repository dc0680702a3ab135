#include "logging.h"

namespace SwanSocket {
Q_LOGGING_CATEGORY(lcSocket, "swan.socket", QtInfoMsg)
Q_LOGGING_CATEGORY(lcApi, "swan.api", QtInfoMsg)
Q_LOGGING_CATEGORY(lcJs, "swan.js", QtInfoMsg)
} // namespace SwanSocket
