#include "chartbuilder.h"

#include "categorycolor.h"
#include "chartmodel.h"
#include "plaintext.h"
#include "roles.h"

#include <QAbstractItemModel>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QBrush>
#include <QChart>
#include <QDate>
#include <QFontInfo>
#include <QFontMetricsF>
#include <QGraphicsLayout>
#include <QGraphicsRectItem>
#include <QGraphicsSimpleTextItem>
#include <QGuiApplication>
#include <QHorizontalBarSeries>
#include <QHorizontalStackedBarSeries>
#include <QLegend>
#include <QPen>
#include <QStackedBarSeries>
#include <QValueAxis>

#include <functional>
#include <memory>

namespace AT {

namespace {
// Every string handed to Qt Charts goes through chartText: it renders them all as HTML.
QStringList rowLabels(const QAbstractItemModel *m, bool reversed)
{
    QStringList out;
    for (int r = 0; r < m->rowCount(); ++r) {
        out << chartText(m->headerData(r, Qt::Vertical).toString());
    }
    if (reversed) {
        std::reverse(out.begin(), out.end());
    }
    return out;
}

QList<QBarSet *> barSets(const QAbstractItemModel *m, bool reversed, bool colourByCategory, bool caseCategories)
{
    QList<QBarSet *> sets;
    // Colours from every category of the case, so that a filter leaving some out changes none (a
    // model without the role, or series that are not categories: from the columns).
    QStringList categories;
    if (caseCategories) {
        categories = m->headerData(0, Qt::Horizontal, ChartCategoriesRole).toStringList();
    }
    if (categories.isEmpty()) {
        for (int c = 0; c < m->columnCount(); ++c) {
            categories << m->headerData(c, Qt::Horizontal).toString();
        }
    }
    const CategoryColors colors(categories);
    for (int c = 0; c < m->columnCount(); ++c) {
        const QString label = m->headerData(c, Qt::Horizontal).toString();
        auto *set = new QBarSet(chartText(label));
        for (int r = 0; r < m->rowCount(); ++r) {
            const int row = reversed ? m->rowCount() - 1 - r : r;
            set->append(m->index(row, c).data().toDouble());
        }
        if (colourByCategory) {
            set->setColor(colors.color(label));
            set->setBorderColor(colors.color(label).darker(120));
        }
        sets << set;
    }
    return sets;
}

// At most `maxTicks` ticks (and never more than ten): a low chart gets fewer, so that their labels fit.
void setCountRange(QValueAxis *axis, const QList<QBarSet *> &sets, bool stacked, int maxTicks = 10)
{
    double max = 1;
    const qsizetype n = sets.isEmpty() ? 0 : sets.first()->count();
    for (qsizetype i = 0; i < n; ++i) {
        double sum = 0;
        for (QBarSet *s : sets) {
            sum = stacked ? sum + s->at(i) : std::max(sum, s->at(i));
        }
        max = std::max(max, sum);
    }
    // Whole-number ticks at a round step (1, 2, 5, 10, ...), about ten of them at most.
    double step = 1;
    while (max / step > std::clamp(maxTicks, 1, 10)) {
        step *= (QString::number(step).startsWith(QLatin1Char('2')) ? 2.5 : 2);
    }
    axis->setRange(0, std::ceil(max / step) * step);
    axis->setTickInterval(step);
}

QValueAxis *countAxis(const QList<QBarSet *> &sets, bool stacked)
{
    auto *axis = new QValueAxis;
    axis->setLabelFormat(QStringLiteral("%d"));
    axis->setTickType(QValueAxis::TicksDynamic);
    axis->setTickAnchor(0);
    setCountRange(axis, sets, stacked);
    return axis;
}

constexpr qreal Pad = 6; // around the chart, and between the labels and the plot
constexpr qreal LegendGap = 14; // between legend entries

// `text` in lines of whole words no wider than `width` (a word wider than that gets a line of its own).
QStringList wrapWords(const QString &text, const QFontMetricsF &fm, qreal width)
{
    QStringList lines;
    QString line;
    for (const QString &word : text.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        const QString longer = line.isEmpty() ? word : line + QLatin1Char(' ') + word;
        if (line.isEmpty() || fm.horizontalAdvance(longer) <= width) {
            line = longer;
        } else {
            lines << line;
            line = word;
        }
    }
    if (!line.isEmpty() || lines.isEmpty()) {
        lines << line;
    }
    return lines;
}

qreal widest(const QStringList &lines, const QFontMetricsF &fm)
{
    qreal w = 0;
    for (const QString &l : lines) {
        w = std::max(w, fm.horizontalAdvance(l));
    }
    return w;
}

// The row labels and the legend, laid out at every size of the chart (see buildChart).
class ChartText
{
public:
    ChartText(QChart *chart, const QFont &font)
        : m_chart(chart)
        , m_font(font)
    { }

    // Horizontal charts: the model's row labels, top to bottom as drawn (plain text), and how to
    // show only the first n of them and one bar for the rest (the series and the axis change; see
    // modelRowOfBar). Empty when Qt Charts labels the categories itself.
    QStringList rows;
    std::function<void(int)> fold;
    QList<std::pair<QString, QColor>> legend; // plain text
    // Sets the count axis to as many ticks as fit along a plot of this size.
    std::function<void(const QRectF &)> fitTicks;
    // The activity chart: sets its axis of years to ticks that fit a plot this wide.
    std::function<void(qreal)> setYearTicks;
    // Vertical charts: the categories below the plot, set upright when they do not fit side by side.
    QBarCategoryAxis *columns = nullptr;
    QStringList columnLabels; // plain text

    void layout()
    {
        const QSizeF size = m_chart->size();
        if (size.width() < 1 || size.height() < 1 || size == m_laidOutAt) {
            return;
        }
        m_laidOutAt = size;
        const qreal legendHeight = layoutLegend(size);
        const qreal bottom = legendHeight > 0 ? legendHeight + 2 * Pad : Pad;
        m_chart->setMargins(QMarginsF(Pad, Pad, Pad, bottom).toMargins());
        // Qt Charts gives the axes below the plot at most 40% of the height and elides their
        // labels beyond it: a low chart goes without the axis title there.
        const qreal lineHeight = QFontMetricsF(m_font).height();
        for (QAbstractAxis *axis : m_chart->axes(Qt::Horizontal)) {
            axis->setTitleVisible(0.4 * (size.height() - bottom - Pad) >= 3 * lineHeight);
        }
        m_chart->layout()->activate();
        if (fitTicks && rows.isEmpty()) {
            // An axis title only where it fits.
            const qreal plotHeight = m_chart->plotArea().height();
            fitTicks(m_chart->plotArea());
            for (QAbstractAxis *axis : m_chart->axes(Qt::Vertical)) {
                const qreal titleWidth = QFontMetricsF(axis->titleFont()).horizontalAdvance(axis->titleText());
                axis->setTitleVisible(titleWidth + 8 <= plotHeight);
            }
            m_chart->layout()->invalidate();
            m_chart->layout()->activate();
        }
        if (setYearTicks) {
            setYearTicks(m_chart->plotArea().width());
        }
        if (columns && !columnLabels.isEmpty()) {
            // Qt Charts elides a label wider than its bar's slot (less the text's margins).
            const QFontMetricsF fm(columns->labelsFont());
            const qreal needed = widest(columnLabels, fm) + 16;
            const qreal slot = m_chart->plotArea().width() / columnLabels.size();
            columns->setLabelsAngle(needed <= slot ? 0 : -90);
            m_chart->layout()->activate();
        }
        if (rows.isEmpty()) {
            return;
        }
        // The rows' height comes first (the labels' width does not change it), then the labels:
        // every row if their labels fit, else the first ones and one bar for the rest.
        const qreal plotHeight = m_chart->plotArea().height();
        const qreal maxWidth = 0.4 * size.width();
        const int all = static_cast<int>(rows.size());
        Labels fit;
        int shown = all;
        for (; shown >= 1 && !fit.fits; --shown) {
            const QStringList labels = barLabels(shown);
            fit = fitLabels(labels, plotHeight / labels.size(), maxWidth);
        }
        ++shown;
        if (!fit.fits) {
            shown = all;
            fit = shortened(barLabels(all), maxWidth);
        }
        if (shown != m_shown && fold) {
            m_shown = shown;
            fold(shown);
        }
        makeLabelItems(fit);
        m_chart->setMargins(QMarginsF(Pad + m_labelWidth, Pad, Pad, bottom).toMargins());
        m_chart->layout()->activate();
        if (fitTicks) {
            fitTicks(m_chart->plotArea());
            m_chart->layout()->invalidate(); // the axis lays its labels out anew
            m_chart->layout()->activate();
        }
        place(m_chart->plotArea());
    }

    // Puts the row labels beside their bars.
    void place(const QRectF &plot)
    {
        if (m_labels.isEmpty() || plot.isEmpty()) {
            return;
        }
        const qreal step = plot.height() / m_labels.size();
        for (qsizetype i = 0; i < m_labels.size(); ++i) {
            const QList<QGraphicsSimpleTextItem *> &lines = m_labels[i];
            const qreal top = plot.bottom() - (i + 0.5) * step - lines.size() * m_lineHeight / 2;
            for (qsizetype l = 0; l < lines.size(); ++l) {
                const qreal w = lines[l]->boundingRect().width();
                lines[l]->setPos(std::round(plot.left() - Pad - w), std::round(top + l * m_lineHeight));
            }
        }
    }

private:
    struct Labels
    {
        bool fits = false;
        QFont font;
        QList<QStringList> lines; // per bar, bottom to top
    };

    // The labels of the bars, bottom to top, when the first `shown` rows have a bar of their own.
    QStringList barLabels(int shown) const
    {
        QStringList out;
        if (shown < rows.size()) {
            out << QStringLiteral("%1 others, together").arg(rows.size() - shown);
        }
        for (int r = shown - 1; r >= 0; --r) {
            out << rows[r];
        }
        return out;
    }

    qreal basePixels() const { return m_font.pixelSize() > 0 ? m_font.pixelSize() : QFontInfo(m_font).pixelSize(); }
    qreal minPixels() const { return std::max(9.0, std::floor(basePixels() * 0.75)); }
    // The distance between the lines of a wrapped label: a text item's height, rounded up.
    static qreal lineStep(const QFontMetricsF &fm) { return std::ceil(fm.height()) + 1; }

    // The largest font (down to 75% of the chart's, never under 9 px) at which every label fits its
    // row in at most two lines (three if the rows are that tall), in the narrowest column up to
    // `maxWidth` that takes them.
    Labels fitLabels(const QStringList &labels, qreal rowHeight, qreal maxWidth) const
    {
        Labels out;
        out.font = m_font;
        for (int maxLines : {2, 3}) {
            for (qreal px = basePixels(); px >= minPixels(); px -= 1) {
                out.font.setPixelSize(static_cast<int>(px));
                const QFontMetricsF fm(out.font);
                const int lines = std::min<int>(maxLines, static_cast<int>((rowHeight - 1) / lineStep(fm)));
                if (lines < 1) {
                    continue;
                }
                qreal longestWord = 0;
                qreal longestLabel = 0;
                for (const QString &label : labels) {
                    for (const QString &word : label.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
                        longestWord = std::max(longestWord, fm.horizontalAdvance(word));
                    }
                    longestLabel = std::max(longestLabel, fm.horizontalAdvance(label.simplified()));
                }
                if (longestWord > maxWidth) {
                    continue;
                }
                auto wrapAll = [&](qreal width) {
                    QList<QStringList> wrapped;
                    for (const QString &label : labels) {
                        wrapped << wrapWords(label, fm, width);
                        if (wrapped.last().size() > lines) {
                            return QList<QStringList>();
                        }
                    }
                    return wrapped;
                };
                // One line each where that takes at most a quarter of the chart, else the narrowest
                // column in which every label takes at most `lines` lines.
                qreal lo = longestWord;
                qreal hi = std::min(maxWidth, longestLabel);
                if (wrapAll(hi).isEmpty()) {
                    continue;
                }
                for (int i = 0; i < 12 && hi - lo > 1 && longestLabel > 0.625 * maxWidth; ++i) {
                    const qreal mid = (lo + hi) / 2;
                    (wrapAll(mid).isEmpty() ? lo : hi) = mid;
                }
                out.lines = wrapAll(hi);
                out.fits = true;
                return out;
            }
        }
        return out;
    }

    // The last resort when not even one row and the rest fit (a chart a few lines high): the
    // smallest font, two lines, the second shortened.
    Labels shortened(const QStringList &labels, qreal maxWidth) const
    {
        Labels out;
        out.font = m_font;
        out.font.setPixelSize(static_cast<int>(minPixels()));
        const QFontMetricsF fm(out.font);
        for (const QString &label : labels) {
            QStringList lines = wrapWords(label, fm, maxWidth);
            if (lines.size() > 2) {
                lines = {lines[0], fm.elidedText(lines.mid(1).join(QLatin1Char(' ')), Qt::ElideRight, maxWidth)};
            }
            out.lines << lines;
        }
        return out;
    }

    void makeLabelItems(const Labels &fit)
    {
        for (const auto &lines : std::as_const(m_labels)) {
            qDeleteAll(lines);
        }
        m_labels.clear();
        m_lineHeight = lineStep(QFontMetricsF(fit.font));
        m_labelWidth = 0;
        for (const QStringList &lines : fit.lines) {
            QList<QGraphicsSimpleTextItem *> items;
            for (const QString &line : lines) {
                auto *text = new QGraphicsSimpleTextItem(line, m_chart);
                text->setFont(fit.font);
                text->setBrush(m_chart->titleBrush());
                m_labelWidth = std::max(m_labelWidth, text->boundingRect().width());
                items << text;
            }
            m_labels << items;
        }
        m_labelWidth = std::ceil(m_labelWidth);
    }

    struct Entry
    {
        QStringList lines;
        qreal width;
        QColor color;
    };

    // The legend's entries in rows no wider than `available`, entry by entry.
    QList<QList<Entry>> legendRows(const QFontMetricsF &fm, qreal available) const
    {
        const qreal swatch = std::round(fm.ascent() * 0.8);
        QList<QList<Entry>> out(1);
        qreal x = 0;
        for (const auto &[name, color] : legend) {
            Entry e {wrapWords(name, fm, available - swatch - 4), 0, color};
            e.width = swatch + 4 + widest(e.lines, fm);
            if (x > 0 && x + e.width > available) {
                out.append(QList<Entry>());
                x = 0;
            }
            out.last().append(e);
            x += e.width + LegendGap;
        }
        return out;
    }

    qreal legendHeight(const QFontMetricsF &fm, qreal available) const
    {
        const QList<QList<Entry>> rowsOfEntries = legendRows(fm, available);
        qreal height = (rowsOfEntries.size() - 1) * 4;
        for (const QList<Entry> &row : rowsOfEntries) {
            qsizetype lines = 1;
            for (const Entry &e : row) {
                lines = std::max(lines, e.lines.size());
            }
            height += lines * fm.height();
        }
        return height;
    }

    // The legend's entries in rows below the plot, each row centred; returns its height.
    qreal layoutLegend(const QSizeF &size)
    {
        qDeleteAll(m_legendItems);
        m_legendItems.clear();
        if (legend.isEmpty()) {
            return 0;
        }
        // The chart's font, or smaller (down to the labels' smallest) to keep the legend within a
        // third of the chart's height.
        QFont font = m_font;
        for (qreal px = basePixels(); px > minPixels(); px -= 1) {
            font.setPixelSize(static_cast<int>(px));
            if (legendHeight(QFontMetricsF(font), size.width() - 2 * Pad) <= size.height() / 3) {
                break;
            }
        }
        const QFontMetricsF fm(font);
        const qreal swatch = std::round(fm.ascent() * 0.8);
        const qreal available = size.width() - 2 * Pad;
        const QList<QList<Entry>> rowsOfEntries = legendRows(fm, available);
        qreal height = 0;
        QList<qreal> rowHeights;
        for (const QList<Entry> &row : rowsOfEntries) {
            qsizetype lines = 1;
            for (const Entry &e : row) {
                lines = std::max(lines, e.lines.size());
            }
            rowHeights << lines * fm.height();
            height += lines * fm.height();
        }
        height += (rowsOfEntries.size() - 1) * 4;
        qreal y = size.height() - Pad - height;
        for (qsizetype r = 0; r < rowsOfEntries.size(); ++r) {
            qreal rowWidth = -LegendGap;
            for (const Entry &e : rowsOfEntries[r]) {
                rowWidth += e.width + LegendGap;
            }
            qreal ex = std::round(Pad + (available - rowWidth) / 2);
            for (const Entry &e : rowsOfEntries[r]) {
                auto *box
                    = new QGraphicsRectItem(ex, std::round(y + (fm.height() - swatch) / 2), swatch, swatch, m_chart);
                box->setBrush(e.color);
                box->setPen(QPen(e.color.darker(130), 0));
                m_legendItems << box;
                for (qsizetype l = 0; l < e.lines.size(); ++l) {
                    auto *text = new QGraphicsSimpleTextItem(e.lines[l], m_chart);
                    text->setFont(font);
                    text->setBrush(m_chart->titleBrush());
                    text->setPos(ex + swatch + 4, std::round(y + l * fm.height()));
                    m_legendItems << text;
                }
                ex += e.width + LegendGap;
            }
            y += rowHeights[r] + 4;
        }
        return height;
    }

    QChart *m_chart;
    QFont m_font;
    QSizeF m_laidOutAt;
    int m_shown = -1;
    qreal m_labelWidth = 0;
    qreal m_lineHeight = 0;
    QList<QList<QGraphicsSimpleTextItem *>> m_labels; // per bar, bottom to top: one item per line
    QList<QGraphicsItem *> m_legendItems;
};

// Lays out `text` whenever the chart is resized and places the labels when the plot moves.
void attach(QChart *chart, std::shared_ptr<ChartText> text)
{
    QObject::connect(chart, &QGraphicsWidget::geometryChanged, chart, [text] { text->layout(); });
    QObject::connect(chart, &QChart::plotAreaChanged, chart, [text](const QRectF &plot) { text->place(plot); });
}

QStringList plainRowLabels(const QAbstractItemModel *m)
{
    QStringList out;
    for (int r = 0; r < m->rowCount(); ++r) {
        out << m->headerData(r, Qt::Vertical).toString();
    }
    return out;
}

const char RowOfBarProperty[] = "atRowOfBar";

// For a horizontal chart: shows the model's first `shown` rows, each as a bar (the first at the
// top), and when that is not all of them, one bar at the bottom for the rest: their sum, or with
// `spans` (an offset set and a span set) from the earliest start to the latest end among them.
// `values` holds each set's values by model row; `labels` the rows' labels.
void showRows(QChart *chart, QBarCategoryAxis *axis, QValueAxis *counts, const QList<QBarSet *> &sets,
              const QList<QList<double>> &values, const QStringList &labels, bool spans, int shown)
{
    const int rows = static_cast<int>(labels.size());
    shown = std::clamp(shown, 0, rows);
    QVariantList rowOfBar;
    QStringList categories;
    QList<QList<double>> bars(sets.size()); // [set][bar]
    if (shown < rows) {
        rowOfBar << -1;
        categories << chartText(QStringLiteral("%1 others, together").arg(rows - shown));
        if (spans) {
            double from = values[0][shown];
            double to = values[0][shown] + values[1][shown];
            for (int r = shown; r < rows; ++r) {
                from = std::min(from, values[0][r]);
                to = std::max(to, values[0][r] + values[1][r]);
            }
            bars[0] << from;
            bars[1] << to - from;
        } else {
            for (qsizetype s = 0; s < sets.size(); ++s) {
                double sum = 0;
                for (int r = shown; r < rows; ++r) {
                    sum += values[s][r];
                }
                bars[s] << sum;
            }
        }
    }
    for (int r = shown - 1; r >= 0; --r) {
        rowOfBar << r;
        categories << chartText(labels[r]);
        for (qsizetype s = 0; s < sets.size(); ++s) {
            bars[s] << values[s][r];
        }
    }
    for (qsizetype s = 0; s < sets.size(); ++s) {
        sets[s]->remove(0, sets[s]->count());
        sets[s]->append(bars[s]);
    }
    axis->setCategories(categories);
    if (counts) {
        setCountRange(counts, sets, true);
    }
    chart->setProperty(RowOfBarProperty, rowOfBar);
}

// The values of each set by model row, as the sets hold them now (bottom to top, all rows).
QList<QList<double>> valuesByRow(const QList<QBarSet *> &sets)
{
    QList<QList<double>> out;
    for (QBarSet *set : sets) {
        QList<double> v;
        for (qsizetype i = set->count() - 1; i >= 0; --i) {
            v << set->at(i);
        }
        out << v;
    }
    return out;
}
} // namespace

QChart *buildChart(const QAbstractItemModel *model, int kind, const QString &title)
{
    return buildChart(model, kind, title, QFont());
}

QChart *buildChart(const QAbstractItemModel *model, int kind, const QString &title, const QFont &textFont)
{
    const QFont font = textFont == QFont() ? QGuiApplication::font() : textFont;
    auto *chart = new QChart;
    auto text = std::make_shared<ChartText>(chart, font);
    chart->setTitle(chartText(title));
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->legend()->setVisible(false); // ours, see ChartText
    const auto k = static_cast<ChartModel::Kind>(kind);
    switch (k) {
    case ChartModel::Kind::EventsPerYear:
    case ChartModel::Kind::SourcesPerEvent: {
        auto *series = new QStackedBarSeries;
        const auto sets = barSets(model, false, k == ChartModel::Kind::EventsPerYear, true);
        series->append(sets);
        chart->addSeries(series);
        auto *x = new QBarCategoryAxis;
        x->append(rowLabels(model, false));
        chart->addAxis(x, Qt::AlignBottom);
        series->attachAxis(x);
        text->columns = x;
        text->columnLabels = plainRowLabels(model);
        QValueAxis *y = countAxis(sets, true);
        y->setTitleText(chartText(QStringLiteral("events")));
        chart->addAxis(y, Qt::AlignLeft);
        series->attachAxis(y);
        // One label in at least two lines' height.
        text->fitTicks = [y, sets, font](const QRectF &plot) {
            setCountRange(y, sets, true, static_cast<int>(plot.height() / (2 * QFontMetricsF(font).height())));
        };
        if (k == ChartModel::Kind::EventsPerYear) {
            for (int c = 0; c < model->columnCount(); ++c) {
                text->legend.append({model->headerData(c, Qt::Horizontal).toString(), sets[c]->color()});
            }
        }
        break;
    }
    case ChartModel::Kind::EventsPerActor:
    case ChartModel::Kind::ClaimsByAttributor: {
        // Horizontal, most active first (bar charts list from the bottom, so rows go in reversed).
        auto *series = new QHorizontalStackedBarSeries;
        const bool claims = k == ChartModel::Kind::ClaimsByAttributor;
        const auto sets = barSets(model, true, claims, false);
        series->append(sets);
        chart->addSeries(series);
        auto *y = new QBarCategoryAxis;
        y->append(rowLabels(model, true));
        y->setLabelsVisible(false); // ours, see ChartText
        chart->addAxis(y, Qt::AlignLeft);
        series->attachAxis(y);
        QValueAxis *x = countAxis(sets, true);
        x->setTitleText(
            chartText(k == ChartModel::Kind::EventsPerActor ? QStringLiteral("events") : QStringLiteral("claims")));
        chart->addAxis(x, Qt::AlignBottom);
        series->attachAxis(x);
        text->rows = plainRowLabels(model);
        text->fold = [chart, y, x, sets, values = valuesByRow(sets), labels = text->rows](int shown) {
            showRows(chart, y, x, sets, values, labels, false, shown);
        };
        showRows(chart, y, x, sets, valuesByRow(sets), text->rows, false, model->rowCount());
        // Each label with room for its digits and some space (Qt Charts elides what does not fit).
        text->fitTicks = [x, sets, font](const QRectF &plot) {
            setCountRange(x, sets, true);
            const double label = QFontMetricsF(font).horizontalAdvance(QString::number(x->max())) + 24;
            setCountRange(x, sets, true, static_cast<int>(plot.width() / label) - 1);
        };
        if (claims) {
            for (int c = 0; c < model->columnCount(); ++c) {
                text->legend.append({model->headerData(c, Qt::Horizontal).toString(), sets[c]->color()});
            }
        }
        break;
    }
    case ChartModel::Kind::ActorActivity: {
        // A Gantt chart from stacked bars: an invisible offset from year 0, then the active span,
        // on an axis in (fractional) years that starts at the first active year.
        const int rows = model->rowCount();
        double minDay = 0;
        double maxDay = 0;
        for (int r = 0; r < rows; ++r) {
            const double f = model->index(r, 0).data().toDouble();
            const double l = model->index(r, 1).data().toDouble();
            minDay = r == 0 ? f : std::min(minDay, f);
            maxDay = r == 0 ? l : std::max(maxDay, l);
        }
        auto toYears = [](double julianDay) {
            const QDate d = QDate::fromJulianDay(static_cast<qint64>(julianDay));
            return d.year() + (d.dayOfYear() - 1) / double(d.daysInYear());
        };
        const int firstYear = rows ? QDate::fromJulianDay(static_cast<qint64>(minDay)).year() : 2000;
        const int lastYear = rows ? QDate::fromJulianDay(static_cast<qint64>(maxDay)).year() + 1 : 2001;
        auto *offset = new QBarSet(QString());
        auto *span = new QBarSet(chartText(QStringLiteral("first to last cited event")));
        for (int r = rows - 1; r >= 0; --r) {
            const double f = toYears(model->index(r, 0).data().toDouble());
            const double l = toYears(model->index(r, 1).data().toDouble() + 1);
            offset->append(f);
            // At least a little wide, so an actor seen on one day is still visible.
            span->append(std::max(l - f, 0.015 * (lastYear - firstYear)));
        }
        offset->setColor(Qt::transparent);
        offset->setBorderColor(Qt::transparent);
        span->setColor(QColor(0x00, 0x72, 0xB2));
        auto *series = new QHorizontalStackedBarSeries;
        series->append(offset);
        series->append(span);
        chart->addSeries(series);
        auto *y = new QBarCategoryAxis;
        y->append(rowLabels(model, true));
        y->setLabelsVisible(false); // ours, see ChartText
        chart->addAxis(y, Qt::AlignLeft);
        series->attachAxis(y);
        text->rows = plainRowLabels(model);
        text->fold
            = [chart, y, sets = QList<QBarSet *> {offset, span}, values = valuesByRow({offset, span}),
               labels = text->rows](int shown) { showRows(chart, y, nullptr, sets, values, labels, true, shown); };
        showRows(chart, y, nullptr, {offset, span}, valuesByRow({offset, span}), text->rows, true, rows);
        auto *x = new QValueAxis;
        x->setRange(firstYear, lastYear);
        x->setTickType(QValueAxis::TicksDynamic);
        x->setTickAnchor(firstYear);
        x->setTickInterval(std::max(1, (lastYear - firstYear) / 10));
        // A year's label is about four digits wide: as many as fit, at least one year apart (the
        // plot narrows once the labels beside it are measured, so a little room is kept).
        text->setYearTicks = [x, firstYear, lastYear, font](qreal plotWidth) {
            const double label = QFontMetricsF(font).horizontalAdvance(QStringLiteral("0000")) + 24;
            const int fit = std::max(1, static_cast<int>(0.6 * plotWidth / label));
            x->setTickInterval(std::max(1, static_cast<int>(std::ceil(double(lastYear - firstYear) / fit))));
        };
        x->setLabelFormat(QStringLiteral("%.0f"));
        chart->addAxis(x, Qt::AlignBottom);
        series->attachAxis(x);
        break;
    }
    }
    QFont titleFont = font;
    titleFont.setBold(true);
    chart->setTitleFont(titleFont);
    for (QAbstractAxis *axis : chart->axes()) {
        axis->setLabelsFont(font);
        axis->setTitleFont(font);
    }
    attach(chart, text);
    return chart;
}

int modelRowOfBar(const QChart *chart, int bar)
{
    const QVariant rows = chart->property(RowOfBarProperty);
    if (!rows.isValid()) {
        return bar;
    }
    const QVariantList list = rows.toList();
    return bar >= 0 && bar < list.size() ? list[bar].toInt() : -1;
}

} // namespace AT
