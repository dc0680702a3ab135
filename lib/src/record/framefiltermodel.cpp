#include <SwanSocket/framefiltermodel.h>

#include <SwanSocket/framemodel.h>
#include <SwanSocket/framerecorder.h>

#include <QRegularExpression>

namespace SwanSocket {

class FrameFilterModelPrivate
{
public:
    explicit FrameFilterModelPrivate(FrameFilterModel *q) : q(q) { }

    void updateExpression();
    bool textMatches(const RecordedFrame &frame) const;
    const FrameModel *frameModel() const
    {
        return qobject_cast<const FrameModel *>(q->sourceModel());
    }

    FrameFilterModel *const q;
    QString text;
    bool isRegex = false;
    QRegularExpression expression;
    bool valid = true;
    FrameFilterModel::DirectionFilter direction = FrameFilterModel::AllDirections;
    FrameFilterModel::TypeFilter type = FrameFilterModel::AllTypes;
    bool showControl = true;
};

void FrameFilterModelPrivate::updateExpression()
{
    const bool wasValid = valid;
    if (isRegex && !text.isEmpty()) {
        QRegularExpression::PatternOptions options = QRegularExpression::NoPatternOption;
        if (q->filterCaseSensitivity() == Qt::CaseInsensitive)
            options |= QRegularExpression::CaseInsensitiveOption;
        expression = QRegularExpression(text, options);
        valid = expression.isValid();
    } else {
        expression = QRegularExpression();
        valid = true;
    }
    if (valid != wasValid)
        Q_EMIT q->validChanged();
}

bool FrameFilterModelPrivate::textMatches(const RecordedFrame &frame) const
{
    if (text.isEmpty())
        return true;
    if (isRegex && !valid)
        return false;
    // Text payloads and close reasons as they are; bytes as Latin-1, so ASCII in them is found.
    const bool hasText = frame.type == FrameRecorder::Text || frame.type == FrameRecorder::Close;
    const QString haystack = hasText ? frame.text : QString::fromLatin1(frame.data);
    if (isRegex)
        return expression.match(haystack).hasMatch();
    return haystack.contains(text, q->filterCaseSensitivity());
}

FrameFilterModel::FrameFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent), d(std::make_unique<FrameFilterModelPrivate>(this))
{
    setFilterCaseSensitivity(Qt::CaseInsensitive);
    connect(this, &QSortFilterProxyModel::filterCaseSensitivityChanged, this, [this] {
        d->updateExpression();
        invalidateFilter();
    });
    connect(this, &QAbstractItemModel::rowsInserted, this, &FrameFilterModel::countChanged);
    connect(this, &QAbstractItemModel::rowsRemoved, this, &FrameFilterModel::countChanged);
    connect(this, &QAbstractItemModel::modelReset, this, &FrameFilterModel::countChanged);
    connect(this, &QAbstractItemModel::layoutChanged, this, &FrameFilterModel::countChanged);
}

FrameFilterModel::~FrameFilterModel() = default;

QString FrameFilterModel::filterText() const { return d->text; }

void FrameFilterModel::setFilterText(const QString &text)
{
    if (d->text == text)
        return;
    d->text = text;
    d->updateExpression();
    invalidateFilter();
    Q_EMIT filterTextChanged();
}

bool FrameFilterModel::filterIsRegex() const { return d->isRegex; }

void FrameFilterModel::setFilterIsRegex(bool regex)
{
    if (d->isRegex == regex)
        return;
    d->isRegex = regex;
    d->updateExpression();
    invalidateFilter();
    Q_EMIT filterIsRegexChanged();
}

bool FrameFilterModel::isValid() const { return d->valid; }

QString FrameFilterModel::errorString() const
{
    if (d->valid)
        return {};
    return tr("Invalid regular expression at %1: %2")
            .arg(d->expression.patternErrorOffset())
            .arg(d->expression.errorString());
}

FrameFilterModel::DirectionFilter FrameFilterModel::directionFilter() const { return d->direction; }

void FrameFilterModel::setDirectionFilter(DirectionFilter filter)
{
    if (d->direction == filter)
        return;
    d->direction = filter;
    invalidateFilter();
    Q_EMIT directionFilterChanged();
}

FrameFilterModel::TypeFilter FrameFilterModel::typeFilter() const { return d->type; }

void FrameFilterModel::setTypeFilter(TypeFilter filter)
{
    if (d->type == filter)
        return;
    d->type = filter;
    invalidateFilter();
    Q_EMIT typeFilterChanged();
}

bool FrameFilterModel::showControlFrames() const { return d->showControl; }

void FrameFilterModel::setShowControlFrames(bool show)
{
    if (d->showControl == show)
        return;
    d->showControl = show;
    invalidateFilter();
    Q_EMIT showControlFramesChanged();
}

int FrameFilterModel::count() const { return rowCount(); }

int FrameFilterModel::sourceRow(int row) const
{
    if (row < 0 || row >= rowCount())
        return -1;
    return mapToSource(index(row, 0)).row();
}

QString FrameFilterModel::payloadText(int row) const
{
    const FrameModel *frames = d->frameModel();
    return frames ? frames->payloadText(sourceRow(row)) : QString();
}

QString FrameFilterModel::prettyJson(int row) const
{
    const FrameModel *frames = d->frameModel();
    return frames ? frames->prettyJson(sourceRow(row)) : QString();
}

QString FrameFilterModel::hexDump(int row) const
{
    const FrameModel *frames = d->frameModel();
    return frames ? frames->hexDump(sourceRow(row)) : QString();
}

QString FrameFilterModel::base64(int row) const
{
    const FrameModel *frames = d->frameModel();
    return frames ? frames->base64(sourceRow(row)) : QString();
}

bool FrameFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (sourceParent.isValid())
        return false;
    const FrameModel *frames = d->frameModel();
    const RecordedFrame *frame = frames ? frames->frameAt(sourceRow) : nullptr;
    if (!frame)
        return false;
    switch (d->direction) {
    case AllDirections:
        break;
    case SentOnly:
        if (frame->direction != FrameRecorder::Send)
            return false;
        break;
    case ReceivedOnly:
        if (frame->direction != FrameRecorder::Receive)
            return false;
        break;
    }
    if (frame->isControl() && !d->showControl)
        return false;
    switch (d->type) {
    case AllTypes:
        break;
    case TextOnly:
        if (frame->type != FrameRecorder::Text)
            return false;
        break;
    case BinaryOnly:
        if (frame->type != FrameRecorder::Binary)
            return false;
        break;
    case ControlOnly:
        if (!frame->isControl())
            return false;
        break;
    }
    return d->textMatches(*frame);
}

} // namespace SwanSocket
