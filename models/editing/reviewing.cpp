#include "reviewing.h"

namespace AT {

namespace {
QString shortQuote(const QString &quote)
{
    constexpr qsizetype Max = 40;
    const QString simple = quote.simplified();
    return QStringLiteral("\u201c%1\u201d")
        .arg(simple.size() > Max ? simple.left(Max - 1) + QStringLiteral("\u2026") : simple);
}
} // namespace

CaseEdit markReviewedEdit(const Case &kase, const Citation &passage, ReviewReason reason, const QString &note)
{
    CaseEdit edit(kase,
                  QStringLiteral("Mark %1 reviewed (%2)").arg(shortQuote(passage.quote), reviewReasonName(reason)));
    if (passage.quote.isEmpty() || passage.end <= passage.start) {
        return edit;
    }
    ReviewedList list {kase.reviewed};
    ReviewedPassage mark;
    mark.passage = passage;
    mark.reason = reason;
    mark.note = note;
    const auto same = std::find_if(list.passages.begin(), list.passages.end(), [&](const ReviewedPassage &r) {
        return r.passage.sourceId == passage.sourceId && r.passage.start == passage.start
            && r.passage.end == passage.end;
    });
    if (same != list.passages.end()) {
        *same = mark;
    } else {
        list.passages.append(mark);
    }
    edit.replace(list);
    return edit;
}

QList<qsizetype> reviewedMarksAt(const Case &kase, const QString &sourceId, qint64 start, qint64 end)
{
    QList<qsizetype> out;
    for (qsizetype i = 0; i < kase.reviewed.size(); ++i) {
        const Citation &p = kase.reviewed[i].passage;
        if (p.sourceId != sourceId) {
            continue;
        }
        const bool overlaps = start == end ? p.start <= start && start < p.end : p.start < end && start < p.end;
        if (overlaps) {
            out << i;
        }
    }
    return out;
}

CaseEdit unmarkReviewedEdit(const Case &kase, const QString &sourceId, qint64 start, qint64 end)
{
    const QList<qsizetype> marks = reviewedMarksAt(kase, sourceId, start, end);
    CaseEdit edit(kase,
                  marks.size() == 1 ? QStringLiteral("Unmark %1").arg(shortQuote(kase.reviewed[marks[0]].passage.quote))
                                    : QStringLiteral("Unmark %1 reviewed passages").arg(marks.size()));
    if (marks.isEmpty()) {
        return edit;
    }
    ReviewedList list;
    for (qsizetype i = 0; i < kase.reviewed.size(); ++i) {
        if (!marks.contains(i)) {
            list.passages << kase.reviewed[i];
        }
    }
    edit.replace(list);
    return edit;
}

} // namespace AT
