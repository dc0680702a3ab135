import QtQuick
import QtQuick.Controls
import SwanInspector

// Switches the UI language at once: the system's, 中文 or English (each named in itself).
ComboBox {
    id: root

    readonly property var codes: ["", "zh_CN", "en"]

    implicitContentWidthPolicy: ComboBox.WidestText
    model: [qsTr("System language"), "中文", "English"]
    currentIndex: Math.max(0, root.codes.indexOf(Inspector.settings.language))
    onActivated: index => Inspector.setLanguage(root.codes[index])
}
