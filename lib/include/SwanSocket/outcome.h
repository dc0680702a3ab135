#pragma once

#include <SwanSocket/swansocket_export.h>

#include <QString>

namespace SwanSocket {

/// Which phone platform's error table a simulator reports (behaviour.md, "Calls and callbacks").
enum class Platform { Ios, Android };

/// The failure classes of behaviour.md; each maps to one errCode per platform.
enum class ErrorClass {
    None, ///< not a failure
    Parameter, ///< a parameter missing or of the wrong type, a bad header, close code or reason
    Url, ///< not a valid wss:// url (or ws:// while domain checks are on), a bad subprotocol
    Security, ///< host not on the allow-list, TLS verification failed
    MaxTasks, ///< more live tasks than the configured maximum
    State, ///< the call is not valid in the task's current state
    Create, ///< the task could not be created for any other reason
};

/// The errCode a failure of class @p errorClass carries on @p platform.
SWANSOCKET_EXPORT int errorCode(ErrorClass errorClass, Platform platform);

/// Success, or a failure class with a reason in plain words ("url must be a string").
/// The reason never carries the "<api>:fail " prefix: the caller knows which API failed.
struct SWANSOCKET_EXPORT Outcome
{
    ErrorClass errorClass = ErrorClass::None;
    QString reason;

    bool ok() const { return errorClass == ErrorClass::None; }
    static Outcome success() { return {}; }
    static Outcome failure(ErrorClass errorClass, const QString &reason)
    {
        return {errorClass, reason};
    }
};

} // namespace SwanSocket
