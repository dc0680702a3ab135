#pragma once

#include <QObject>
#include <QString>
#include <QTranslator>

#include <memory>
#include <vector>

/**
 * The inspector's languages: its own catalogue (built into the binary by qt_add_translations)
 * plus Qt's own for the standard dialogs, when the system has them.
 */
class Translations : public QObject
{
    Q_OBJECT

public:
    explicit Translations(QObject *parent = nullptr);
    ~Translations() override;

    /// "zh_CN" or "en": what the system's UI languages ask for, of what we have.
    static QString systemLanguage();
    /// "en" and "zh_CN" are known; anything else is read as the system's language.
    static QString resolve(const QString &language);

    /// Installs the translators of @p language (as resolved) and returns it.
    QString install(const QString &language);
    QString current() const;

private:
    std::vector<std::unique_ptr<QTranslator>> m_installed;
    QString m_current;
};
