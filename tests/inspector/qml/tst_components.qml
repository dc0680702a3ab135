import QtQuick
import QtTest
import SwanInspector
import SwanInspector.Ui

// The inspector's small components: words and colours for states, the JSON tree, formats.
TestCase {
    id: testCase
    name: "InspectorComponents"
    when: windowShown
    width: 400
    height: 300

    Component {
        id: badgeComponent
        StateBadge {}
    }

    Component {
        id: treeComponent
        JsonTreeModel {}
    }

    function test_stateBadge_data() {
        return [
            { tag: "connecting", state: Wire.Connecting, failed: false, text: "Connecting", color: Theme.connecting },
            { tag: "open", state: Wire.Open, failed: false, text: "Open", color: Theme.open },
            { tag: "closing", state: Wire.Closing, failed: false, text: "Closing", color: Theme.closing },
            { tag: "closed", state: Wire.Closed, failed: false, text: "Closed", color: Theme.closed },
            { tag: "failed", state: Wire.Closed, failed: true, text: "Failed", color: Theme.danger },
        ]
    }

    function test_stateBadge(data) {
        const badge = createTemporaryObject(badgeComponent, testCase, { readyState: data.state, failed: data.failed })
        verify(badge)
        compare(badge.children[1].text, data.text)
        verify(Qt.colorEqual(badge.stateColor, data.color))
    }

    function test_jsonTreeFoldsAndOpens() {
        const tree = createTemporaryObject(treeComponent, testCase)
        tree.json = '{"a": 1, "b": {"c": [true, null, "x"]}}'
        verify(tree.valid)
        // root, a, b, c, and c's three items: small documents open fully
        compare(tree.count, 7)
        tree.toggle(2)          // fold b
        compare(tree.count, 3)
        tree.toggle(2)          // open b again: c keeps its own state (open)
        compare(tree.count, 7)
        tree.collapseAll()
        compare(tree.count, 3)  // the root stays open
        tree.expandAll()
        compare(tree.count, 7)
        tree.json = "not json"
        verify(!tree.valid)
        compare(tree.count, 0)
    }

    function test_formats() {
        compare(Format.bytes(512), "512 B")
        compare(Format.bytes(1536), "1.5 KiB")
        compare(Format.duration(870), "870 ms")
        compare(Format.duration(4200), "4.2 s")
        compare(Format.duration(187000), "3:07")
        compare(Format.duration(3723000), "1:02:03")
        compare(Format.duration(-1), "")
    }
}
