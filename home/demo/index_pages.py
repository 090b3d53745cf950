"""The register pages of the demo site and its open-data page. Their slugs are public addresses
(/<lang>/partners/, /<lang>/contributions/, /<lang>/open-data/), so they stay the same in every
language."""

from .identity import SITE_MAP
from .text import T

PARTNER_INDEX = {
    "model": "partnerships.PartnerIndexPage",
    "slug": T(en="partners", fr="partners", es="partners", ar="partners"),
    "title": T(en="Our partners", fr="Nos partenaires", es="Nuestros socios", ar="شركاؤنا"),
    "introduction": T(
        en="Every company, foundation and non-profit organisation we work with, what it contributes and the result of its due-diligence review. A partner appears here only once transparency reviewers have approved it.",
        fr="Toutes les entreprises, fondations et organisations à but non lucratif avec lesquelles nous travaillons, leurs contributions et le résultat de leur examen de diligence raisonnable. Un partenaire n'apparaît ici qu'après son approbation par les réviseurs chargés de la transparence.",
        es="Todas las empresas, fundaciones y entidades sin fines de lucro con las que trabajamos, lo que aportan y el resultado de su examen de diligencia debida. Un socio solo aparece aquí una vez que los revisores de transparencia lo han aprobado.",
        ar="جميع الشركات والمؤسسات والمنظمات غير الربحية التي نعمل معها، وما تقدّمه من مساهمات، ونتيجة فحص العناية الواجبة الخاص بكل منها. ولا يظهر أي شريك هنا إلا بعد أن يوافق عليه مراجعو الشفافية.",
    ),
}

CONTRIBUTION_INDEX = {
    "model": "partnerships.ContributionIndexPage",
    "slug": T(en="contributions", fr="contributions", es="contributions", ar="contributions"),
    "title": T(
        en="Register of contributions",
        fr="Registre des contributions",
        es="Registro de contribuciones",
        ar="سجل المساهمات",
    ),
    "introduction": T(
        en="Every contribution our partners have pledged or given, in money or in kind, with its status and value. The totals and the chart are calculated from the published records only.",
        fr="Toutes les contributions promises ou versées par nos partenaires, en espèces ou en nature, avec leur état d'avancement et leur valeur. Les totaux et le graphique sont calculés à partir des seules fiches publiées.",
        es="Todas las contribuciones que nuestros socios han prometido o aportado, en dinero o en especie, con su estado y su valor. Los totales y el gráfico se calculan únicamente a partir de los registros publicados.",
        ar="جميع المساهمات التي تعهّد بها شركاؤنا أو قدّموها، نقدًا أو عينًا، مع بيان حالتها وقيمتها. وتُحسب المجاميع والرسم البياني استنادًا إلى السجلات المنشورة وحدها.",
    ),
}

OPEN_DATA = {
    "model": "partnerships.OpenDataPage",
    "slug": T(en="open-data", fr="open-data", es="open-data", ar="open-data"),
    # Linked from every page's footer and from the figures, not from the main menu.
    "in_menu": False,
    "title": T(en="Open data", fr="Données ouvertes", es="Datos abiertos", ar="البيانات المفتوحة"),
    "introduction": T(
        en="Take the register with you: every partner, contribution and exchange rate we publish, as files you can open in a spreadsheet or read with a program, free to reuse as long as you say where it comes from.",
        fr="Emportez le registre : chaque partenaire, chaque contribution et chaque taux de change que nous publions, sous forme de fichiers à ouvrir dans un tableur ou à lire avec un programme, librement réutilisables à condition d'en citer la source.",
        es="Llévese el registro: cada socio, cada contribución y cada tipo de cambio que publicamos, en archivos que puede abrir en una hoja de cálculo o leer con un programa, de libre reutilización siempre que indique su procedencia.",
        ar="خذ السجل معك: كل شريك وكل مساهمة وكل سعر صرف ننشره، في ملفات يمكنك فتحها في جدول بيانات أو قراءتها ببرنامج، ويمكنك إعادة استخدامها بحرية شرط ذكر مصدرها.",
    ),
}

# The site map (identity.py) is made the same way; its slug is translated.
INDEX_PAGES = [PARTNER_INDEX, CONTRIBUTION_INDEX, OPEN_DATA, SITE_MAP]
