#include <SwanSocket/outcome.h>

namespace SwanSocket {

int errorCode(ErrorClass errorClass, Platform platform)
{
    // The two tables of the API text's commented-out error codes, as behaviour.md reads them.
    const bool ios = platform == Platform::Ios;
    switch (errorClass) {
    case ErrorClass::None:
        return 0;
    case ErrorClass::Parameter:
        return ios ? 4 : 202;
    case ErrorClass::Url:
        return ios ? 2 : 202;
    case ErrorClass::Security:
        return ios ? 7 : 1001;
    case ErrorClass::MaxTasks:
        return ios ? 1 : 1001;
    case ErrorClass::State:
        return 1001;
    case ErrorClass::Create:
        return ios ? 3 : 1001;
    }
    return 1001;
}

} // namespace SwanSocket
