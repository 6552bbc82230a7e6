#include "sentencecoveragemodel.h"

#include "anchoring.h"
#include "casesession.h"
#include "coveragereport.h"
#include "roles.h"

namespace AT {

SentenceCoverageModel::SentenceCoverageModel(CaseSession *session, QObject *parent)
    : QAbstractTableModel(parent)
    , m_session(session)
{
    connect(session, &CaseSession::caseChanged, this, &SentenceCoverageModel::rebuild);
    connect(session->selection(), &SelectionState::currentSourceChanged, this, &SentenceCoverageModel::rebuild);
    rebuild();
}

void SentenceCoverageModel::rebuild()
{
    beginResetModel();
    const Case &kase = m_session->kase();
    const QString id = m_session->selection()->currentSource();
    const Source *source = kase.source(id);
    m_coverage = source ? sourceCoverage(kase, id) : SourceCoverage {};
    m_text = source ? source->text : QString();
    m_utf16.clear();
    const TextIndex index(m_text);
    m_utf16.reserve(2 * m_coverage.sentences.size());
    for (const SentenceCoverage &s : std::as_const(m_coverage.sentences)) {
        m_utf16 << index.toUtf16(s.span.start) << index.toUtf16(s.span.end);
    }
    endResetModel();
}

QString SentenceCoverageModel::summary() const
{
    return m_coverage.sourceId.isEmpty() ? QString() : coverageSummary(m_coverage);
}

int SentenceCoverageModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_coverage.sentences.size());
}

int SentenceCoverageModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

namespace {
// "opinion — a spokesman's word; background": each reviewed passage's reason, with its note.
QString reasons(const SentenceCoverage &s)
{
    QStringList out;
    for (const ReviewedPassage &r : s.reviewedBy) {
        out << (r.note.isEmpty() ? reviewReasonName(r.reason)
                                 : reviewReasonName(r.reason) + QStringLiteral(" \u2014 ") + r.note);
    }
    return out.join(QStringLiteral("; "));
}
} // namespace

QString SentenceCoverageModel::why(const SentenceCoverage &s) const
{
    switch (s.status) {
    case SentenceStatus::Cited:
        return QStringLiteral("Cited by %1.").arg(s.citedBy.join(QStringLiteral(", ")));
    case SentenceStatus::Reviewed:
        return QStringLiteral("Reviewed, not used: %1.").arg(reasons(s));
    case SentenceStatus::Unreviewed:
        return QStringLiteral("Unreviewed: no citation and no reviewed passage covers this sentence yet. Cite it, "
                              "or mark it reviewed (Case > Mark Reviewed).");
    }
    return {};
}

QVariant SentenceCoverageModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const int row = index.row();
    const SentenceCoverage &s = m_coverage.sentences[row];
    const qint64 from = m_utf16[2 * row];
    const qint64 to = m_utf16[2 * row + 1];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case PositionColumn:
            return QStringLiteral("%1\u2013%2").arg(s.span.start).arg(s.span.end);
        case StatusColumn:
            // Short, for a narrow column; the tooltip and SentenceWhyRole say it in full.
            return s.status == SentenceStatus::Reviewed ? QStringLiteral("reviewed") : sentenceStatusName(s.status);
        case SentenceColumn:
            return m_text.mid(from, to - from).simplified();
        case WhyColumn:
            switch (s.status) {
            case SentenceStatus::Cited:
                return s.citedBy.join(QStringLiteral(", "));
            case SentenceStatus::Reviewed:
                return reasons(s);
            case SentenceStatus::Unreviewed:
                return QString();
            }
        }
        return {};
    case Qt::ToolTipRole:
        // Plain text; the views show it as such (showItemToolTipsAsPlainText).
        return QString(m_text.mid(from, to - from) + QStringLiteral("\n\n") + why(s));
    case SortRole:
        return index.column() == StatusColumn ? QVariant(int(s.status)) : QVariant(s.span.start);
    case SentenceStatusRole:
        return int(s.status);
    case SentenceWhyRole:
        return why(s);
    case SentenceTextRole:
        return m_text.mid(from, to - from);
    case SourceIdRole:
        return m_coverage.sourceId;
    case StartRole:
        return s.span.start;
    case EndRole:
        return s.span.end;
    case Utf16StartRole:
        return from;
    case Utf16EndRole:
        return to;
    }
    return {};
}

QVariant SentenceCoverageModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal) {
        return {};
    }
    if (role == Qt::ToolTipRole && section == WhyColumn) {
        return QStringLiteral("The items that cite the sentence, or why it was read and not used");
    }
    if (role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case PositionColumn:
        return QStringLiteral("Position");
    case StatusColumn:
        return QStringLiteral("Status");
    case SentenceColumn:
        return QStringLiteral("Sentence");
    case WhyColumn:
        return QStringLiteral("Cited by / reason");
    }
    return {};
}

} // namespace AT
