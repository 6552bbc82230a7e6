#pragma once

#include <QColor>
#include <QList>
#include <QPointer>
#include <QWidget>

namespace AT {

class CaseSession;

// A small key to the timeline under it: a swatch per category the case has (the timeline's own
// CategoryColors), then what the marks mean: a diamond is an exact day, a bar a range, a faded bar
// a month or a year, a bar fading out an open end, the red dot a point the sources disagree on,
// and on the compressed axis the shaded band of a busy day drawn wide.
// Entries flow onto as many lines as the width needs.
class TimelineLegend final : public QWidget
{
    Q_OBJECT
public:
    enum class Mark { Category, ExactDay, Range, CoarseDate, OpenEnded, Disputed, WideDay };
    struct Entry
    {
        Mark mark;
        QString text;
        QColor color;
    };

    explicit TimelineLegend(CaseSession *session, QWidget *parent = nullptr);

    const QList<Entry> &entries() const { return m_entries; }

    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void rebuild();
    void fitHeight();
    // Where each entry goes at `width`, and the height that takes.
    QList<QRectF> placeEntries(int width, int *height) const;

    QPointer<CaseSession> m_session;
    QList<Entry> m_entries;
};

} // namespace AT
