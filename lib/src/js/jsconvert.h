#pragma once

#include <QJSValue>
#include <QVariant>
#include <QVariantMap>

class QJSEngine;

namespace SwanSocket {

/**
 * Converts between script values and the QVariant world of SocketApi.
 *
 * Script to C++: strings, numbers (int when whole and in range, else double), booleans, null
 * (a QVariant holding nullptr), arrays (QVariantList), ArrayBuffer and typed-array views
 * (QByteArray of their bytes) and other objects (QVariantMap of their own enumerable keys;
 * undefined values left out). Nesting deeper than 32 levels (a cycle) becomes an invalid QVariant.
 *
 * C++ to script: maps become plain objects, lists arrays, QByteArray an ArrayBuffer.
 *
 * The JS built-ins it relies on are captured at construction, before any script could replace them.
 */
class JsConvert
{
public:
    explicit JsConvert(QJSEngine *engine);

    /// The options object of an API call, as socketapi.h wants it: success/fail/complete left
    /// out when they are functions, null or undefined, kept (to fail) with any other value.
    /// Anything that is not an object gives an empty map.
    QVariantMap toOptions(const QJSValue &options) const;
    /// What toOptions() makes of a send()'s options, from the parts swan.js read: @p data (own
    /// enumerable `data`, undefined when absent) and @p badCallbacks, the callback keys that hold
    /// something other than a function, null or undefined (bits: success 1, fail 2, complete 4).
    QVariantMap toMessageOptions(const QJSValue &data, int badCallbacks) const;
    QVariant toVariant(const QJSValue &value) const;
    QJSValue toScript(const QVariant &value) const;
    /// An ArrayBuffer of bytes of its own (see usableForArrayBuffer()).
    QJSValue toArrayBuffer(const QByteArray &bytes) const;

private:
    QVariant toVariant(const QJSValue &value, int depth) const;
    QVariantMap toMap(const QJSValue &object, int depth) const;

    QJSEngine *m_engine;
    QJSValue m_objectKeys; // Object.keys
    QJSValue m_isView; // ArrayBuffer.isView
    QJSValue m_viewBytes; // a view's bytes as an ArrayBuffer (a copy unless the view is whole)
    QJSValue m_isArrayBuffer; // value instanceof ArrayBuffer
};

} // namespace SwanSocket
