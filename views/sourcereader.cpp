#include "sourcereader.h"

#include "plaintext.h"
#include "sourcecoverage.h"

#include <QHelpEvent>
#include <QMouseEvent>
#include <QTextBlock>
#include <QTextOption>
#include <QToolTip>

#include <algorithm>

namespace AT {

SourceReader::SourceReader(QWidget *parent)
    : QPlainTextEdit(parent)
{
    setReadOnly(true);
    setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    setLineWrapMode(QPlainTextEdit::WidgetWidth);
    setAccessibleName(QStringLiteral("Source reader"));
    setPlaceholderText(QStringLiteral("Select a citation to read it in its source."));
}

void SourceReader::showSource(const QString &title, const QString &text, const QList<Passage> &cited)
{
    if (m_title != title || m_text != text) {
        m_title = title;
        m_text = text;
        m_offsets = DisplayOffsets(text);
        m_marks.clear(); // they were the other text's
        setPlainText(text); // plain text: nothing in a case is interpreted as markup
        // Each paragraph takes its direction from its own first strong character, so an Arabic
        // or Hebrew paragraph is set right to left (and right-aligned) among English ones.
        QTextOption option = document()->defaultTextOption();
        option.setTextDirection(Qt::LayoutDirectionAuto);
        document()->setDefaultTextOption(option);
    }
    m_cited = cited;
    m_current = {-1, -1};
    updateHighlights();
}

void SourceReader::showPassage(qint64 start, qint64 end)
{
    m_current = {start, end};
    QTextCursor cursor(document());
    cursor.setPosition(static_cast<int>(m_offsets.toDisplay(start)));
    cursor.setPosition(static_cast<int>(m_offsets.toDisplay(end)), QTextCursor::KeepAnchor);
    setTextCursor(cursor);
    // Scroll so the passage's start sits near the top third, not at the very edge.
    centerCursor();
    updateHighlights();
}

SourceReader::Passage SourceReader::selectedPassage() const
{
    const QTextCursor c = textCursor();
    return {m_offsets.toStored(c.selectionStart()), m_offsets.toStored(c.selectionEnd())};
}

void SourceReader::setSentenceMarks(const QList<SentenceMark> &marks)
{
    m_marks = marks;
    std::sort(m_marks.begin(), m_marks.end(),
              [](const SentenceMark &a, const SentenceMark &b) { return a.start < b.start; });
    updateHighlights();
}

QString SourceReader::toolTipAt(qint64 position) const
{
    const auto it = std::upper_bound(m_marks.cbegin(), m_marks.cend(), position,
                                     [](qint64 pos, const SentenceMark &m) { return pos < m.start; });
    if (it == m_marks.cbegin() || position >= (it - 1)->end) {
        return {};
    }
    return (it - 1)->why;
}

void SourceReader::updateHighlights()
{
    QList<QTextEdit::ExtraSelection> selections;
    // Positions as the document counts them, kept inside it: marks may be a moment behind a new text.
    const int last = std::max(0, document()->characterCount() - 1);
    auto select = [&](qint64 start, qint64 end) {
        QTextCursor cursor(document());
        cursor.setPosition(std::clamp(static_cast<int>(m_offsets.toDisplay(start)), 0, last));
        cursor.setPosition(std::clamp(static_cast<int>(m_offsets.toDisplay(end)), 0, last), QTextCursor::KeepAnchor);
        return cursor;
    };
    // Sentences first, so that the citation shade (never on an unreviewed or merely reviewed
    // sentence, but possibly touching one) stays on top. Amber for what still needs reading,
    // distinct from the highlight colour of citations; muted letters for what was read and left.
    QColor unreviewedGround(255, 176, 0, 60);
    const QColor unreviewedLine(214, 128, 0);
    QColor muted = palette().color(QPalette::Text);
    muted.setAlpha(120);
    for (const SentenceMark &m : std::as_const(m_marks)) {
        QTextEdit::ExtraSelection sel;
        if (m.status == int(SentenceStatus::Unreviewed)) {
            sel.format.setBackground(unreviewedGround);
            sel.format.setUnderlineStyle(QTextCharFormat::DotLine);
            sel.format.setUnderlineColor(unreviewedLine);
        } else if (m.status == int(SentenceStatus::Reviewed)) {
            sel.format.setForeground(muted);
        } else {
            continue; // cited: the citation shade says it
        }
        sel.format.setProperty(SentenceMarkProperty, true);
        sel.cursor = select(m.start, m.end);
        selections.append(sel);
    }
    QColor shade = palette().color(QPalette::Highlight);
    shade.setAlpha(45);
    for (const Passage &p : std::as_const(m_cited)) {
        QTextEdit::ExtraSelection sel;
        sel.cursor = select(p.start, p.end);
        sel.format.setBackground(shade);
        selections.append(sel);
    }
    setExtraSelections(selections);
}

bool SourceReader::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QString why = toolTipAt(m_offsets.toStored(cursorForPosition(help->pos()).position()));
        if (why.isEmpty()) {
            QToolTip::hideText();
            event->ignore();
        } else {
            QToolTip::showText(help->globalPos(), plainToolTip(why), viewport());
        }
        return true;
    }
    return QPlainTextEdit::viewportEvent(event);
}

void SourceReader::mouseReleaseEvent(QMouseEvent *event)
{
    QPlainTextEdit::mouseReleaseEvent(event);
    if (event->button() != Qt::LeftButton || textCursor().hasSelection()) {
        return;
    }
    const qint64 pos = m_offsets.toStored(cursorForPosition(event->position().toPoint()).position());
    for (const Passage &p : std::as_const(m_cited)) {
        if (pos >= p.start && pos < p.end) {
            Q_EMIT passageClicked(pos);
            return;
        }
    }
}

} // namespace AT
