pragma Singleton
import QtQuick

// Colours, sizes and fonts of the inspector, in one place.
QtObject {
    readonly property color window: "#eef0f3"
    readonly property color panel: "#ffffff"
    readonly property color panelAlt: "#f7f8fa"
    readonly property color headerBar: "#1f2937"
    readonly property color headerText: "#f9fafb"
    readonly property color headerMuted: "#9ca3af"
    readonly property color border: "#d8dce2"
    readonly property color divider: "#eceef1"
    readonly property color text: "#1f2328"
    readonly property color textMuted: "#6b7280"
    readonly property color accent: "#2563eb"
    readonly property color accentSoft: "#e0eaff"
    readonly property color selection: "#d6e4ff"
    readonly property color hover: "#f1f5fb"

    readonly property color sent: "#16803c"
    readonly property color sentRow: "#f2faf4"
    readonly property color received: "#1d4ed8"
    readonly property color control: "#7c3aed"
    readonly property color controlRow: "#f7f3ff"

    readonly property color connecting: "#b7791f"
    readonly property color open: "#16803c"
    readonly property color closing: "#c2410c"
    readonly property color closed: "#6b7280"
    readonly property color danger: "#c62828"
    readonly property color dangerSoft: "#fdecec"
    readonly property color warning: "#b45309"

    readonly property color jsonKey: "#7c2d12"
    readonly property color jsonString: "#166534"
    readonly property color jsonNumber: "#1d4ed8"
    readonly property color jsonLiteral: "#7c3aed"

    readonly property int fontSize: 13
    readonly property int smallFontSize: 11
    readonly property int titleFontSize: 14
    readonly property string monoFamily: "DejaVu Sans Mono"
    readonly property int spacing: 8
    readonly property int rowHeight: 24
}
