#include "sourcepanel.h"

#include "plaintext.h"
#include "plural.h"
#include "roles.h"
#include "selectionstate.h"
#include "sourcecoverage.h"
#include "sourcereader.h"

#include <QComboBox>
#include <QLabel>
#include <QVBoxLayout>

#include <limits>

namespace AT {

SourcePanel::SourcePanel(QWidget *parent)
    : QWidget(parent)
    , m_chooser(new QComboBox)
    , m_meta(new QLabel)
    , m_status(new QLabel)
    , m_notice(new QLabel)
    , m_reader(new SourceReader)
{
    m_chooser->setAccessibleName(QStringLiteral("Source"));
    m_chooser->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_chooser->setMinimumContentsLength(20);
    showItemToolTipsAsPlainText(m_chooser->view());
    for (QLabel *l : {m_meta, m_status, m_notice}) {
        l->setTextFormat(Qt::PlainText);
        l->setWordWrap(true);
    }
    // Framed and on the tooltip colour, like the other notices of the window; selectable, so that
    // the URL can be copied to fetch the text.
    m_notice->setAccessibleName(QStringLiteral("Reference only"));
    m_notice->setFrameShape(QFrame::StyledPanel);
    m_notice->setAutoFillBackground(true);
    m_notice->setBackgroundRole(QPalette::ToolTipBase);
    m_notice->setForegroundRole(QPalette::ToolTipText);
    m_notice->setMargin(8);
    m_notice->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_notice->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_notice->hide();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_chooser);
    layout->addWidget(m_meta);
    layout->addWidget(m_reader, 1);
    layout->addWidget(m_notice, 1);
    layout->addWidget(m_status);
    connect(m_chooser, &QComboBox::activated, this, &SourcePanel::showSource);
    connect(m_reader, &SourceReader::passageClicked, this, &SourcePanel::passageClicked);
}

void SourcePanel::setModels(QAbstractItemModel *sources, QAbstractItemModel *citations)
{
    m_sources = sources;
    m_citations = citations;
    m_chooser->setModel(sources);
    m_chooser->setModelColumn(0);
    connect(sources, &QAbstractItemModel::modelReset, this, [this] {
        // An edit of the case resets the model too: the source shown stays, with the reader's
        // selection and scroll position, and shows the passages cited now.
        const QString shown = m_shownId;
        const int row = shown.isEmpty() ? -1 : rowOfSource(shown);
        if (row >= 0) {
            m_current = -1;
            showSource(row);
            return;
        }
        m_current = -1;
        m_shownId.clear();
        m_reader->showSource(QString(), QString(), {});
        m_notice->hide();
        m_reader->show();
        m_meta->clear();
        m_status->clear();
        m_chooser->setCurrentIndex(-1);
    });
    m_chooser->setCurrentIndex(-1);
}

void SourcePanel::setCoverageModel(QAbstractItemModel *sentences)
{
    m_sentences = sentences;
    // The model follows the case and the source shown; the marks follow the model.
    connect(sentences, &QAbstractItemModel::modelReset, this, &SourcePanel::updateSentenceMarks);
    updateSentenceMarks();
}

void SourcePanel::updateSentenceMarks()
{
    if (!m_sentences) {
        return;
    }
    QList<SourceReader::SentenceMark> marks;
    const int rows = m_sentences->rowCount();
    // Only the shown source's: the model may be a moment behind when the source changes.
    if (rows > 0 && m_sentences->index(0, 0).data(SourceIdRole).toString() == m_shownId) {
        marks.reserve(rows);
        for (int r = 0; r < rows; ++r) {
            const QModelIndex i = m_sentences->index(r, 0);
            marks.append({i.data(Utf16StartRole).toLongLong(), i.data(Utf16EndRole).toLongLong(),
                          i.data(SentenceStatusRole).toInt(), i.data(SentenceWhyRole).toString()});
        }
    }
    m_reader->setSentenceMarks(marks);
}

int SourcePanel::unreviewedFrom(qint64 position, bool backwards) const
{
    const int rows = m_sentences ? m_sentences->rowCount() : 0;
    if (rows == 0 || m_sentences->index(0, 0).data(SourceIdRole).toString() != m_shownId) {
        return -1;
    }
    auto unreviewed = [&](int r) {
        return m_sentences->index(r, 0).data(SentenceStatusRole).toInt() == int(SentenceStatus::Unreviewed);
    };
    if (backwards) {
        for (int r = rows - 1; r >= 0; --r) {
            if (unreviewed(r) && m_sentences->index(r, 0).data(Utf16EndRole).toLongLong() <= position) {
                return r;
            }
        }
        return -1;
    }
    for (int r = 0; r < rows; ++r) {
        if (unreviewed(r) && m_sentences->index(r, 0).data(Utf16StartRole).toLongLong() >= position) {
            return r;
        }
    }
    return -1;
}

bool SourcePanel::showNextUnreviewed(bool backwards)
{
    if (!m_sources || !m_sentences || m_sources->rowCount() == 0) {
        return false;
    }
    auto select = [&](int r) {
        const QModelIndex i = m_sentences->index(r, 0);
        m_reader->showPassage(i.data(Utf16StartRole).toLongLong(), i.data(Utf16EndRole).toLongLong());
        int total = 0;
        int index = 0;
        for (int k = 0; k < m_sentences->rowCount(); ++k) {
            if (m_sentences->index(k, 0).data(SentenceStatusRole).toInt() == int(SentenceStatus::Unreviewed)) {
                ++total;
                index += k <= r;
            }
        }
        m_status->setText(QStringLiteral("Unreviewed sentence %1 of %2 in this source: cite it, or mark it "
                                         "reviewed (Case > Mark Reviewed). F8 goes to the next.")
                              .arg(index)
                              .arg(total));
        return true;
    };
    if (m_current >= 0 && !m_reader->isHidden()) {
        const SourceReader::Passage at = m_reader->selectedPassage();
        const int r = unreviewedFrom(backwards ? at.start : at.end, backwards);
        if (r >= 0) {
            return select(r);
        }
    }
    // On to the next source that has one (or back to the previous), round to this one's other end.
    const int n = m_sources->rowCount();
    const int from = m_current < 0 ? (backwards ? 0 : n - 1) : m_current;
    for (int step = 1; step <= n; ++step) {
        const int row = ((from + (backwards ? -step : step)) % n + n) % n;
        if (m_sources->index(row, 0).data(UnreviewedCountRole).toInt() <= 0) {
            continue;
        }
        showSource(row);
        const int r = unreviewedFrom(backwards ? std::numeric_limits<qint64>::max() : 0, backwards);
        if (r >= 0) {
            return select(r);
        }
    }
    m_status->setText(QStringLiteral("Every sentence of every source is cited or marked reviewed."));
    return false;
}

void SourcePanel::setSelectionState(SelectionState *state)
{
    m_selection = state;
    // Any view may ask for a citation to be read: the citation list, the timeline (Enter).
    connect(state, &SelectionState::citationOpened, this, [this](qsizetype row) { openCitation(int(row)); });
    // And any view may ask for a source to be shown, by id.
    connect(state, &SelectionState::currentSourceChanged, this, [this](const QString &id) {
        const int row = rowOfSource(id);
        if (row >= 0 && row != m_current) {
            showSource(row);
        }
    });
}

QString SourcePanel::status() const
{
    return m_status->text();
}

QString SourcePanel::notice() const
{
    return m_notice->isHidden() ? QString() : m_notice->text();
}

int SourcePanel::rowOfSource(const QString &id) const
{
    for (int r = 0; m_sources && r < m_sources->rowCount(); ++r) {
        if (m_sources->index(r, 0).data(SourceIdRole).toString() == id) {
            return r;
        }
    }
    return -1;
}

void SourcePanel::showSource(int row)
{
    if (!m_sources || row < 0 || row >= m_sources->rowCount()) {
        return;
    }
    const QModelIndex s = m_sources->index(row, 0);
    QList<SourceReader::Passage> passages;
    for (const QVariant &v : s.data(CitedPassagesRole).toList()) {
        const QVariantMap m = v.toMap();
        passages.append({m.value(QStringLiteral("start")).toLongLong(), m.value(QStringLiteral("end")).toLongLong()});
    }
    m_current = row;
    m_shownId = s.data(SourceIdRole).toString();
    m_chooser->setCurrentIndex(row);
    m_status->clear();
    if (s.data(ReferenceOnlyRole).toBool()) {
        // Nothing to read: the reader is emptied (so nothing in it can be selected and cited) and
        // put away, and the panel says what the case knows of the article instead.
        m_reader->showSource(s.data(SourceTitleRole).toString(), QString(), {});
        m_reader->hide();
        const QString url = s.data(SourceUrlRole).toString();
        const int citations = s.data(CitationCountRole).toInt();
        m_notice->setText(
            QStringLiteral("Reference only: the text is not in the case.\n\n%1\n%2\n\n"
                           "The case cites %3 from it, which cannot be shown in place or checked against the text. "
                           "To read and cite it, get the text and re-import it from the file "
                           "(Case > Re-import Source Shown).")
                .arg(s.data(SourceTitleRole).toString(),
                     url.isEmpty() ? QStringLiteral("No URL is given.") : QStringLiteral("URL: ") + url,
                     countOf(citations, QStringLiteral("quote"), QStringLiteral("quotes"))));
        m_notice->show();
        m_meta->setText(QStringLiteral("Publisher: %1 \u00b7 Published: %2 \u00b7 reference only")
                            .arg(s.data(PublisherRole).toString(), s.data(PublishedRole).toString()));
        if (m_selection) {
            m_selection->setCurrentSource(s.data(SourceIdRole).toString());
        }
        return;
    }
    m_notice->hide();
    m_reader->show();
    m_reader->showSource(s.data(SourceTitleRole).toString(), s.data(SourceTextRole).toString(), passages);
    updateSentenceMarks();
    m_meta->setText(
        QStringLiteral("Publisher: %1 \u00b7 Published: %2 \u00b7 %3")
            .arg(s.data(PublisherRole).toString(), s.data(PublishedRole).toString(),
                 countOf(passages.size(), QStringLiteral("cited passage"), QStringLiteral("cited passages"))));
    if (m_selection) {
        m_selection->setCurrentSource(s.data(SourceIdRole).toString());
    }
}

void SourcePanel::openCitation(int row)
{
    if (!m_citations || row < 0 || row >= m_citations->rowCount()) {
        return;
    }
    const QModelIndex c = m_citations->index(row, 0);
    const int source = rowOfSource(c.data(SourceIdRole).toString());
    if (source < 0) {
        return;
    }
    if (m_selection) {
        m_selection->setCurrentCitation(row);
    }
    showSource(source);
    const qint64 start = c.data(Utf16StartRole).toLongLong();
    const qint64 end = c.data(Utf16EndRole).toLongLong();
    if (c.data(ReferenceOnlyRole).toBool()) {
        m_status->setText(QStringLiteral("This quote's source is a reference only: the text is not in the case, so "
                                         "the quote cannot be shown in place or checked."));
    } else if (start >= 0 && end >= start) {
        m_reader->showPassage(start, end);
    } else {
        m_status->setText(QStringLiteral("This quote is %1 in the source: it cannot be shown in place.")
                              .arg(c.data(AnchorRole).toString()));
    }
}

void SourcePanel::passageClicked(qint64 position)
{
    if (!m_sources || m_current < 0) {
        return;
    }
    QList<qsizetype> events;
    for (const QVariant &v : m_sources->index(m_current, 0).data(CitedPassagesRole).toList()) {
        const QVariantMap m = v.toMap();
        if (position >= m.value(QStringLiteral("start")).toLongLong()
            && position < m.value(QStringLiteral("end")).toLongLong()) {
            for (qsizetype e : m.value(QStringLiteral("events")).value<QList<qsizetype>>()) {
                if (!events.contains(e)) {
                    events.append(e);
                }
            }
        }
    }
    if (events.isEmpty()) {
        m_status->setText(
            QStringLiteral("This passage is cited by actors, claims or disputed points, not by an event."));
        return;
    }
    m_status->setText(events.size() == 1
                          ? QStringLiteral("Cited by 1 event, now selected.")
                          : QStringLiteral("Cited by %1 events; the first is selected.").arg(events.size()));
    if (m_selection && !events.contains(m_selection->currentEvent())) {
        m_selection->setCurrentEvent(events.first());
    }
}

} // namespace AT
