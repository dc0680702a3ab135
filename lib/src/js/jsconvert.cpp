#include "jsconvert.h"

#include <QJSEngine>

#include <climits>
#include <cmath>

namespace SwanSocket {

namespace {

constexpr int MaxDepth = 32;

/// Bytes for a new ArrayBuffer, two Qt 6.4 traps avoided. V4 turns a *null* QByteArray into
/// an ArrayBuffer it considers detached (`new Uint8Array(buffer)` throws "Type error"); an
/// empty but non-null one is a normal zero-length buffer (empty binary messages arrive null).
/// And V4 shares the QByteArray's data and writes through typed arrays without detaching it:
/// what a script writes into `res.data` would change the bytes C++ holds (the frame recorder's
/// copy of the message), so the buffer gets bytes of its own — one copy per message.
QByteArray usableForArrayBuffer(const QByteArray &bytes)
{
    if (bytes.isNull())
        return QByteArray("", 0);
    return QByteArray(bytes.constData(), bytes.size());
}

} // namespace

JsConvert::JsConvert(QJSEngine *engine) : m_engine(engine)
{
    const QJSValue intrinsics = engine->evaluate(QStringLiteral(
            "(function () { 'use strict'; return {"
            "  keys: Object.keys,"
            "  isView: ArrayBuffer.isView,"
            "  viewBytes: function (v) {"
            // A view of a whole buffer is that buffer: converting it is the only copy.
            "    if (v.byteOffset === 0 && v.byteLength === v.buffer.byteLength) return v.buffer;"
            "    return v.buffer.slice(v.byteOffset, v.byteOffset + v.byteLength); },"
            "  isArrayBuffer: function (v) { return v instanceof ArrayBuffer; } }; })()"));
    m_objectKeys = intrinsics.property(QStringLiteral("keys"));
    m_isView = intrinsics.property(QStringLiteral("isView"));
    m_viewBytes = intrinsics.property(QStringLiteral("viewBytes"));
    m_isArrayBuffer = intrinsics.property(QStringLiteral("isArrayBuffer"));
}

QVariantMap JsConvert::toOptions(const QJSValue &options) const
{
    if (!options.isObject() || options.isCallable())
        return {};
    QVariantMap map = toMap(options, 0);
    for (const char *name : {"success", "fail", "complete"}) {
        const QString key = QLatin1String(name);
        const auto it = map.constFind(key);
        if (it == map.constEnd())
            continue;
        // toMap() turned functions into maps; look at the script value to tell them apart.
        const QJSValue callback = options.property(key);
        if (callback.isCallable() || callback.isNull() || callback.isUndefined())
            map.remove(key);
    }
    return map;
}

QVariantMap JsConvert::toMessageOptions(const QJSValue &data, int badCallbacks) const
{
    QVariantMap options;
    if (!data.isUndefined())
        options.insert(QStringLiteral("data"), toVariant(data, 1));
    // The façade only asks whether such a key is there: its value does not matter.
    if (badCallbacks & 1)
        options.insert(QStringLiteral("success"), true);
    if (badCallbacks & 2)
        options.insert(QStringLiteral("fail"), true);
    if (badCallbacks & 4)
        options.insert(QStringLiteral("complete"), true);
    return options;
}

QVariant JsConvert::toVariant(const QJSValue &value) const { return toVariant(value, 0); }

QVariant JsConvert::toVariant(const QJSValue &value, int depth) const
{
    if (value.isUndefined())
        return {};
    if (value.isNull())
        return QVariant::fromValue(nullptr);
    if (value.isBool())
        return value.toBool();
    if (value.isString())
        return value.toString();
    if (value.isNumber()) {
        const double number = value.toNumber();
        if (std::trunc(number) == number && number >= INT_MIN && number <= INT_MAX
            && !(number == 0 && std::signbit(number)))
            return int(number);
        return number;
    }
    if (!value.isObject() || depth >= MaxDepth)
        return {};
    if (m_isArrayBuffer.call({value}).toBool()) {
        const QVariant bytes = value.toVariant();
        if (bytes.typeId() == QMetaType::QByteArray)
            return bytes;
    }
    if (m_isView.call({value}).toBool())
        return m_viewBytes.call({value}).toVariant();
    if (value.isArray()) {
        QVariantList list;
        const int length = value.property(QStringLiteral("length")).toInt();
        list.reserve(length);
        for (int i = 0; i < length; ++i)
            list.append(toVariant(value.property(quint32(i)), depth + 1));
        return list;
    }
    return toMap(value, depth);
}

QVariantMap JsConvert::toMap(const QJSValue &object, int depth) const
{
    QVariantMap map;
    const QJSValue keys = m_objectKeys.call({object});
    const int count = keys.property(QStringLiteral("length")).toInt();
    for (int i = 0; i < count; ++i) {
        const QString key = keys.property(quint32(i)).toString();
        const QJSValue value = object.property(key);
        if (!value.isUndefined())
            map.insert(key, toVariant(value, depth + 1));
    }
    return map;
}

QJSValue JsConvert::toScript(const QVariant &value) const
{
    switch (value.typeId()) {
    case QMetaType::UnknownType:
        return QJSValue(QJSValue::UndefinedValue);
    case QMetaType::Nullptr:
        return QJSValue(QJSValue::NullValue);
    case QMetaType::QVariantMap: {
        QJSValue object = m_engine->newObject();
        const QVariantMap map = value.toMap();
        for (auto it = map.constBegin(); it != map.constEnd(); ++it)
            object.setProperty(it.key(), toScript(it.value()));
        return object;
    }
    case QMetaType::QVariantList:
    case QMetaType::QStringList: {
        const QVariantList list = value.toList();
        QJSValue array = m_engine->newArray(uint(list.size()));
        for (qsizetype i = 0; i < list.size(); ++i)
            array.setProperty(quint32(i), toScript(list.at(i)));
        return array;
    }
    case QMetaType::QByteArray:
        return toArrayBuffer(value.toByteArray());
    case QMetaType::QString:
        return QJSValue(value.toString()); // a third of toScriptValue()'s cost
    default:
        // Numbers, booleans and whatever else toScriptValue() converts.
        return m_engine->toScriptValue(value);
    }
}

QJSValue JsConvert::toArrayBuffer(const QByteArray &bytes) const
{
    return m_engine->toScriptValue(usableForArrayBuffer(bytes));
}

} // namespace SwanSocket
