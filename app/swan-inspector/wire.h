#pragma once

#include <SwanSocket/framefiltermodel.h>
#include <SwanSocket/framerecorder.h>
#include <SwanSocket/sockettask.h>

#include <QObject>
#include <QQmlEngine>

/**
 * The library's enums as QML sees them (Wire.Open, Wire.Sent, Wire.BinaryFrame, …), so QML
 * compares roles with names, not numbers. Each value is the library's own: they cannot drift.
 * (The library types are not QML types: SwanSocket must stay usable without QML.)
 */
namespace Wire {
Q_NAMESPACE
QML_ELEMENT

enum ReadyState {
    Connecting = SwanSocket::SocketTask::Connecting,
    Open = SwanSocket::SocketTask::Open,
    Closing = SwanSocket::SocketTask::Closing,
    Closed = SwanSocket::SocketTask::Closed,
};
Q_ENUM_NS(ReadyState)

enum Direction {
    Sent = SwanSocket::FrameRecorder::Send,
    Received = SwanSocket::FrameRecorder::Receive,
};
Q_ENUM_NS(Direction)

enum FrameType {
    TextFrame = SwanSocket::FrameRecorder::Text,
    BinaryFrame = SwanSocket::FrameRecorder::Binary,
    CloseFrame = SwanSocket::FrameRecorder::Close,
    PingFrame = SwanSocket::FrameRecorder::Ping,
    PongFrame = SwanSocket::FrameRecorder::Pong,
};
Q_ENUM_NS(FrameType)

enum DirectionFilter {
    AllDirections = SwanSocket::FrameFilterModel::AllDirections,
    SentOnly = SwanSocket::FrameFilterModel::SentOnly,
    ReceivedOnly = SwanSocket::FrameFilterModel::ReceivedOnly,
};
Q_ENUM_NS(DirectionFilter)

enum TypeFilter {
    AllTypes = SwanSocket::FrameFilterModel::AllTypes,
    TextOnly = SwanSocket::FrameFilterModel::TextOnly,
    BinaryOnly = SwanSocket::FrameFilterModel::BinaryOnly,
    ControlOnly = SwanSocket::FrameFilterModel::ControlOnly,
};
Q_ENUM_NS(TypeFilter)

} // namespace Wire
