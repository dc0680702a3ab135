#include "translations.h"

#include "inspectorlogging.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>

Translations::Translations(QObject *parent) : QObject(parent) { }

Translations::~Translations()
{
    for (const auto &translator : m_installed)
        QCoreApplication::removeTranslator(translator.get());
}

QString Translations::systemLanguage()
{
    for (const QString &language : QLocale::system().uiLanguages()) {
        if (language.startsWith(QLatin1String("zh")))
            return QStringLiteral("zh_CN");
        if (language.startsWith(QLatin1String("en")))
            return QStringLiteral("en");
    }
    return QStringLiteral("en");
}

QString Translations::resolve(const QString &language)
{
    if (language == QLatin1String("en") || language == QLatin1String("zh_CN"))
        return language;
    return systemLanguage();
}

QString Translations::install(const QString &language)
{
    const QString resolved = resolve(language);
    for (const auto &translator : m_installed)
        QCoreApplication::removeTranslator(translator.get());
    m_installed.clear();

    auto own = std::make_unique<QTranslator>();
    if (own->load(QStringLiteral(":/i18n/swaninspector_%1.qm").arg(resolved))) {
        QCoreApplication::installTranslator(own.get());
        m_installed.push_back(std::move(own));
    } else {
        qCWarning(lcInspector, "no translation for %s", qPrintable(resolved));
    }
    // Qt's own words (the file dialog's buttons, …); English needs none.
    if (resolved != QLatin1String("en")) {
        const QString qtDirectory = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
        for (const char *catalogue : {"qtbase", "qtdeclarative"}) {
            auto qt = std::make_unique<QTranslator>();
            if (qt->load(QStringLiteral("%1_%2").arg(QLatin1String(catalogue), resolved),
                         qtDirectory)) {
                QCoreApplication::installTranslator(qt.get());
                m_installed.push_back(std::move(qt));
            }
        }
    }
    QLocale::setDefault(QLocale(resolved));
    m_current = resolved;
    return resolved;
}

QString Translations::current() const { return m_current; }
