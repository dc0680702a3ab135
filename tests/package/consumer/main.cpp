// Uses the installed SwanSocket through its public headers only; exits 0 only when what it
// called answered as behaviour.md says, so a broken package cannot pass by merely linking.
#include <SwanSocket/outcome.h>
#include <SwanSocket/simulatorsettings.h>
#include <SwanSocket/socketapi.h>
#include <SwanSocket/validation.h>

#include <QCoreApplication>
#include <QTextStream>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);

    SwanSocket::SimulatorSettings settings;
    settings.setPlatformName(QStringLiteral("android"));
    const bool token = SwanSocket::Validation::isHttpToken(QStringLiteral("chat"));
    const bool notToken = !SwanSocket::Validation::isHttpToken(QStringLiteral("a b"));
    const int iosParameter
            = SwanSocket::errorCode(SwanSocket::ErrorClass::Parameter, SwanSocket::Platform::Ios);
    const bool android = settings.platform() == SwanSocket::Platform::Android;
    SwanSocket::ReceivedMessage message;
    message.binary = true;

    out << "isHttpToken(\"chat\") = " << token << "\n"
        << "isHttpToken(\"a b\") = " << !notToken << "\n"
        << "errorCode(Parameter, Ios) = " << iosParameter << "\n"
        << "SimulatorSettings platform = " << settings.platformName() << "\n"
        << "SimulatorSettings maxTasks = " << settings.maxTasks() << "\n"
        << "ReceivedMessage dataType = " << message.dataType() << "\n";

    const bool ok = token && notToken && iosParameter == 4 && android
            && settings.maxTasks() == SwanSocket::SimulatorSettings::DefaultMaxTasks
            && message.dataType() == QLatin1String("arrayBuffer");
    out << (ok ? "SwanSocket package works" : "SwanSocket package is BROKEN") << "\n";
    return ok ? 0 : 1;
}
