#pragma once

#include <QLoggingCategory>

namespace SwanSocket {
Q_DECLARE_LOGGING_CATEGORY(lcSocket) // swan.socket
Q_DECLARE_LOGGING_CATEGORY(lcApi) // swan.api
Q_DECLARE_LOGGING_CATEGORY(lcJs) // swan.js
} // namespace SwanSocket
