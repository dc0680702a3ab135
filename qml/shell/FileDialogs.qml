import QtQuick
import QtQuick.Dialogs
import SwanInspector

// The file choosers, made when first needed: a script to run, a HAR file to open or to write.
Item {
    id: root

    readonly property int runScript: 0
    readonly property int openHar: 1
    readonly property int saveHar: 2
    property int purpose: root.runScript

    function pick(purpose: int) {
        root.purpose = purpose
        loader.active = true
    }

    Loader {
        id: loader
        active: false
        sourceComponent: FileDialog {
            id: dialog
            title: root.purpose === root.runScript ? qsTr("Run a mini-program script")
                   : root.purpose === root.openHar ? qsTr("Open a HAR file") : qsTr("Export as HAR")
            fileMode: root.purpose === root.saveHar ? FileDialog.SaveFile : FileDialog.OpenFile
            defaultSuffix: root.purpose === root.runScript ? "js" : "har"
            nameFilters: root.purpose === root.runScript
                         ? [qsTr("JavaScript (*.js)"), qsTr("All files (*)")]
                         : [qsTr("HAR files (*.har *.json)"), qsTr("All files (*)")]
            onAccepted: {
                if (root.purpose === root.runScript)
                    Inspector.runScript(dialog.selectedFile)
                else if (root.purpose === root.openHar)
                    Inspector.openHar(dialog.selectedFile)
                else
                    Inspector.saveHar(dialog.selectedFile, false)
                loader.active = false
            }
            onRejected: loader.active = false
            Component.onCompleted: dialog.open()
        }
    }
}
