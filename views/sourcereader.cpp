#include "sourcereader.h"

#include <QMouseEvent>
#include <QTextBlock>
#include <QTextOption>

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

void SourceReader::updateHighlights()
{
    QList<QTextEdit::ExtraSelection> selections;
    QColor shade = palette().color(QPalette::Highlight);
    shade.setAlpha(45);
    for (const Passage &p : std::as_const(m_cited)) {
        QTextEdit::ExtraSelection sel;
        sel.cursor = QTextCursor(document());
        sel.cursor.setPosition(static_cast<int>(m_offsets.toDisplay(p.start)));
        sel.cursor.setPosition(static_cast<int>(m_offsets.toDisplay(p.end)), QTextCursor::KeepAnchor);
        sel.format.setBackground(shade);
        selections.append(sel);
    }
    setExtraSelections(selections);
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
