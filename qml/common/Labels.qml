pragma Singleton
import QtQuick
import SwanInspector

// The words for the library's enum values (Wire.*) and console levels, in the UI's language.
QtObject {
    function stateName(state: int): string {
        switch (state) {
        case Wire.Connecting: return qsTr("Connecting")
        case Wire.Open: return qsTr("Open")
        case Wire.Closing: return qsTr("Closing")
        case Wire.Closed: return qsTr("Closed")
        }
        return ""
    }

    function frameTypeName(type: int): string {
        switch (type) {
        case Wire.TextFrame: return qsTr("Text")
        case Wire.BinaryFrame: return qsTr("Binary")
        case Wire.CloseFrame: return qsTr("Close")
        case Wire.PingFrame: return qsTr("Ping")
        case Wire.PongFrame: return qsTr("Pong")
        }
        return ""
    }

    function directionName(direction: int): string {
        return direction === Wire.Sent ? qsTr("Sent") : qsTr("Received")
    }

    function consoleLevelName(level: int): string {
        switch (level) {
        case ConsoleModel.Log: return qsTr("log")
        case ConsoleModel.Info: return qsTr("info")
        case ConsoleModel.Warn: return qsTr("warn")
        case ConsoleModel.Error: return qsTr("error")
        case ConsoleModel.Debug: return qsTr("debug")
        case ConsoleModel.Exception: return qsTr("exception")
        case ConsoleModel.Inspector: return qsTr("inspector")
        }
        return ""
    }
}
