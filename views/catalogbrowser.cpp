// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/catalogbrowser.h"

#include <array>

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QTabWidget>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>

#include "pricing/catalog.h"
#include "views/instancetypetablemodel.h"
#include "views/regionnames.h"
#include "views/sourcecitation.h"
#include "views/viewactions.h"

namespace fleetplan::views {

using Col = InstanceTypeTableModel::Column;

void InstanceTypeFilter::setText(const QString &text)
{
    m_text = text.trimmed();
    invalidateRowsFilter();
}

void InstanceTypeFilter::setArch(const QString &arch)
{
    m_arch = arch;
    invalidateRowsFilter();
}

void InstanceTypeFilter::setPricedOnly(bool pricedOnly)
{
    m_pricedOnly = pricedOnly;
    invalidateRowsFilter();
}

bool InstanceTypeFilter::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QAbstractItemModel *m = sourceModel();
    if (m_pricedOnly
        && !m->index(sourceRow, Col::OnDemand, sourceParent).data(InstanceTypeTableModel::SortRole).isValid())
        return false;
    if (!m_arch.isEmpty() && m->index(sourceRow, Col::Arch, sourceParent).data().toString() != m_arch)
        return false;
    if (m_text.isEmpty())
        return true;
    const QString name = m->index(sourceRow, Col::Type, sourceParent).data().toString();
    if (m_text.contains(u'*') || m_text.contains(u'?')) {
        const QRegularExpression re(
            QRegularExpression::wildcardToRegularExpression(m_text), QRegularExpression::CaseInsensitiveOption);
        return re.match(name).hasMatch();
    }
    return name.contains(m_text, Qt::CaseInsensitive);
}

bool InstanceTypeFilter::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const QVariant l = left.data(InstanceTypeTableModel::SortRole);
    const QVariant r = right.data(InstanceTypeTableModel::SortRole);
    // Unknown figures sort after every known one.
    if (!l.isValid() || !r.isValid())
        return l.isValid() && !r.isValid();
    if (l.typeId() == QMetaType::QString)
        return QString::compare(l.toString(), r.toString(), Qt::CaseInsensitive) < 0;
    return l.toDouble() < r.toDouble();
}

CatalogBrowser::CatalogBrowser(QWidget *parent)
    : QWidget(parent)
    , m_model(new InstanceTypeTableModel(this))
    , m_filter(new InstanceTypeFilter(this))
{
    setObjectName(QStringLiteral("catalogBrowser"));
    setAccessibleName(tr("Catalog browser"));
    auto *layout = new QVBoxLayout(this);
    auto *bar = new QHBoxLayout;
    m_region = new QComboBox(this);
    m_region->setObjectName(QStringLiteral("catalogRegion"));
    m_region->setAccessibleName(tr("Catalog region"));
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("catalogFilter"));
    m_search->setPlaceholderText(tr("Filter types: m6i, c7g.*, *.xlarge"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Filter instance types"));
    m_search->setMinimumWidth(120);
    m_arch = new QComboBox(this);
    m_arch->addItem(tr("Any architecture"), QString());
    m_arch->addItem(QStringLiteral("x86_64"), QStringLiteral("x86_64"));
    m_arch->addItem(QStringLiteral("arm64"), QStringLiteral("arm64"));
    m_arch->setAccessibleName(tr("Architecture"));
    m_priced = new QCheckBox(tr("Priced in region only"), this);
    m_priced->setChecked(true);
    m_count = new QLabel(this);
    bar->addWidget(new QLabel(tr("Region"), this));
    bar->addWidget(m_region);
    bar->addWidget(m_search, 1);
    bar->addWidget(m_arch);
    bar->addWidget(m_priced);
    bar->addWidget(m_count);
    layout->addLayout(bar);

    auto *tabs = new QTabWidget(this);
    tabs->setDocumentMode(true);
    m_filter->setSourceModel(m_model);
    m_filter->setSortRole(InstanceTypeTableModel::SortRole);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("instanceTypeTable"));
    m_table->setAccessibleName(tr("Instance types"));
    m_table->setModel(m_filter);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(Col::Type, Qt::AscendingOrder);
    m_table->setAlternatingRowColors(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->setVisible(false);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->horizontalHeader()->setStretchLastSection(true);
    addCopyAction(m_table); // Ctrl+C: the selected types (or all shown) as tab-separated text
    tabs->addTab(m_table, tr("Instance types"));
    m_rates = new QTextBrowser(this);
    m_rates->setObjectName(QStringLiteral("catalogRates"));
    m_rates->setAccessibleName(tr("Fargate and EKS rates"));
    tabs->addTab(m_rates, tr("Fargate && EKS rates"));
    m_sources = new QTextBrowser(this);
    m_sources->setObjectName(QStringLiteral("catalogSources"));
    m_sources->setAccessibleName(tr("Catalog sources and price book"));
    tabs->addTab(m_sources, tr("Sources && price book"));
    layout->addWidget(tabs, 1);

    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_filter->setText(text);
        updateCount();
    });
    connect(m_arch, &QComboBox::currentIndexChanged, this, [this] {
        m_filter->setArch(m_arch->currentData().toString());
        updateCount();
    });
    connect(m_priced, &QCheckBox::toggled, this, [this](bool on) {
        m_filter->setPricedOnly(on);
        updateCount();
    });
    connect(m_region, &QComboBox::currentIndexChanged, this, [this] {
        const QString region = currentRegion(m_region);
        if (region.isEmpty())
            return;
        m_model->setRegion(region);
        m_filter->invalidate();
        refreshRates();
        updateCount();
    });
}

void CatalogBrowser::setCatalog(std::shared_ptr<const pricing::Catalog> catalog)
{
    m_catalog = std::move(catalog);
    const QString region = currentRegion(m_region).isEmpty() ? QStringLiteral("us-east-1") : currentRegion(m_region);
    m_model->setCatalog(m_catalog);
    fillRegionBox(m_region, m_catalog ? m_catalog->regions() : QStringList());
    setRegion(region);
    m_model->setRegion(currentRegion(m_region));
    m_table->resizeColumnsToContents();
    refreshRates();
    refreshSources();
    updateCount();
}

void CatalogBrowser::setRegion(const QString &region)
{
    if (m_region->findData(region) < 0)
        return;
    m_region->setCurrentIndex(m_region->findData(region));
}

QString CatalogBrowser::region() const
{
    return currentRegion(m_region);
}

void CatalogBrowser::updateCount()
{
    m_count->setText(tr("%1 of %2 types").arg(m_filter->rowCount()).arg(m_model->rowCount()));
}

QString CatalogBrowser::ratesText() const
{
    return m_rates->toPlainText();
}

QString CatalogBrowser::sourcesText() const
{
    return m_sources->toPlainText();
}

void CatalogBrowser::refreshRates()
{
    if (!m_catalog) {
        m_rates->clear();
        return;
    }
    const QString region = currentRegion(m_region);
    QString h = tr("<h3>Fargate in %1</h3>").arg(regionLabel(region).toHtmlEscaped());
    h += QStringLiteral("<table cellpadding=\"3\"><tr><th align=\"left\">%1</th><th align=\"right\">%2</th>"
                        "<th align=\"right\">%3</th><th align=\"right\">%4</th><th align=\"left\">%5</th></tr>")
             .arg(tr("Capacity"), tr("USD per vCPU-h"), tr("USD per GB-h"), tr("OS licence per vCPU-h"), tr("Source"));
    struct Row
    {
        QString label;
        pricing::CpuArch arch;
        pricing::FargateOs os;
        bool spot;
    };
    const auto rows = std::to_array<Row>({
        { tr("Linux x86_64"), pricing::CpuArch::X86_64, pricing::FargateOs::Linux, false },
        { tr("Linux arm64"), pricing::CpuArch::Arm64, pricing::FargateOs::Linux, false },
        { tr("Windows x86_64"), pricing::CpuArch::X86_64, pricing::FargateOs::Windows, false },
        { tr("Spot Linux x86_64"), pricing::CpuArch::X86_64, pricing::FargateOs::Linux, true },
        { tr("Spot Linux arm64"), pricing::CpuArch::Arm64, pricing::FargateOs::Linux, true },
    });
    for (const Row &r : rows) {
        QString error;
        const auto card = m_catalog->fargate(region, r.arch, r.os, r.spot, &error);
        if (!card) {
            h += QStringLiteral("<tr><td>%1</td><td colspan=\"4\"><i>%2</i></td></tr>")
                     .arg(r.label, error.toHtmlEscaped());
            continue;
        }
        h += QStringLiteral(
            "<tr><td>%1</td><td align=\"right\">%2</td><td align=\"right\">%3</td><td align=\"right\">%4</td>"
            "<td>%5</td></tr>")
                 .arg(r.label, QString::number(card->vcpuHour.usd, 'f', 6), QString::number(card->gbHour.usd, 'f', 7),
                     card->osLicenseVcpuHour ? QString::number(card->osLicenseVcpuHour->usd, 'f', 6)
                                             : QStringLiteral("—"),
                     citationHtml(card->vcpuHour));
    }
    h += QStringLiteral("</table>");
    h += tr("<h3>EKS control plane in %1</h3><ul>").arg(regionLabel(region).toHtmlEscaped());
    for (bool extended : { false, true }) {
        QString error;
        const auto rate = m_catalog->eksControlPlaneHourly(region, extended, &error);
        const QString label = extended ? tr("Extended support") : tr("Standard support");
        if (rate)
            h += QStringLiteral("<li>%1: %2 USD per cluster-hour (%3)</li>")
                     .arg(label, QString::number(rate->usd, 'f', 2), citationHtml(*rate));
        else
            h += QStringLiteral("<li>%1: <i>%2</i></li>").arg(label, error.toHtmlEscaped());
    }
    h += QStringLiteral("</ul>");
    if (const auto gp3 = m_catalog->ebsGbMonth(region, QStringLiteral("gp3")))
        h += tr("<p>EBS gp3: %1 USD per GB-month (%2).</p>").arg(QString::number(gp3->usd, 'f', 4), citationHtml(*gp3));
    m_rates->setHtml(h);
}

QString CatalogBrowser::citationHtml(const pricing::Rate &rate)
{
    // Publisher and date in the table; the whole citation (and where the figure came from) on hover.
    const SourceCitation cite = citeSource(rate.source, rate.asOf);
    const QString tip = cite.full + u'\n' + tr("From: %1").arg(pricing::Rate::originName(rate.origin));
    QString text = QStringLiteral("<span title=\"%1\">%2</span>").arg(tip.toHtmlEscaped(), cite.label.toHtmlEscaped());
    if (rate.estimated)
        text += QStringLiteral(" <b>%1</b>").arg(estimatedMark().toHtmlEscaped());
    return text;
}

void CatalogBrowser::refreshSources()
{
    if (!m_catalog) {
        m_sources->clear();
        return;
    }
    QString h = tr("<h3>Bundled catalog</h3><p>Built %1.</p>").arg(m_catalog->builtAt().toHtmlEscaped());
    h += QStringLiteral(
        "<table cellpadding=\"3\"><tr><th align=\"left\">%1</th><th align=\"right\">%2</th><th align=\"left\">%3</th>"
        "<th align=\"left\">%4</th></tr>")
             .arg(tr("Dataset"), tr("Rows"), tr("As of"), tr("Sources"));
    for (const pricing::DatasetInfo &d : m_catalog->datasets()) {
        const QString asOf = d.asOfMin == d.asOfMax ? d.asOfMin : d.asOfMin + QStringLiteral(" … ") + d.asOfMax;
        h += QStringLiteral(
            "<tr><td valign=\"top\">%1<br><small>%2</small></td><td valign=\"top\" align=\"right\">%3</td>"
            "<td valign=\"top\">%4</td><td valign=\"top\">%5</td></tr>")
                 .arg(d.name.toHtmlEscaped(), d.file.toHtmlEscaped())
                 .arg(d.rows)
                 .arg(asOf.toHtmlEscaped(), withoutInternalTags(d.sources).toHtmlEscaped());
    }
    h += QStringLiteral("</table>");
    h += tr("<h3>Your price book</h3><p>%n rate(s) from your price book (imported AWS Price List offers and "
            "overrides) take precedence over the bundled figures.</p>",
        nullptr, m_catalog->priceBookRateCount());
    if (m_catalog->enterpriseDiscountPercent() > 0)
        h += tr("<p>Enterprise discount: %1 % on every rate that is not an override.</p>")
                 .arg(m_catalog->enterpriseDiscountPercent(), 0, 'f', 1);
    m_sources->setHtml(h);
}

} // namespace fleetplan::views
