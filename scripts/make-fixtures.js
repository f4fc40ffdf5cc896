#!/usr/bin/env node
// Writes the reading test corpus to test/fixtures/: customer sheets as small
// businesses keep them (title rows, merged titles, totals, blank lines, mixed
// units, bad values, an Excel table, CSV in UTF-8, UTF-8 with BOM and GBK).
// The generated files are committed; run again after changing a sheet here:
//   node scripts/make-fixtures.js
// Each sheet's expectations are hand-written in test/fixtures/<name>.expected.json.
// GBK bytes come from python3 (Node has no GBK encoder; TextDecoder only decodes).
const fs = require("fs");
const path = require("path");
const { execFileSync } = require("child_process");
const ExcelJS = require("exceljs");

const OUT = path.resolve(__dirname, "..", "test", "fixtures");
const FIXED_DATE = new Date(Date.UTC(2024, 6, 1));
/** Date cells as exceljs reads them back: the calendar day at UTC midnight. */
const day = (iso) => new Date(`${iso}T00:00:00Z`);

/** A workbook with one sheet filled row by row from `rows` (row 1 first); null leaves a cell empty. */
function sheet(name, rows, build) {
  const wb = new ExcelJS.Workbook();
  wb.creator = "CustTier fixtures";
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  const ws = wb.addWorksheet(name);
  rows.forEach((cells, r) => {
    (cells || []).forEach((v, c) => {
      if (v !== null && v !== undefined) ws.getCell(r + 1, c + 1).value = v;
    });
  });
  if (build) build(ws, wb);
  return wb;
}

async function save(file, wb) {
  await wb.xlsx.writeFile(path.join(OUT, file));
}

function writeGbk(file, text) {
  const script = "import sys; open(sys.argv[1], 'w', encoding='gb18030', newline='').write(sys.stdin.read())";
  execFileSync("python3", ["-c", script, path.join(OUT, file)], { input: text });
}

async function main() {
  fs.mkdirSync(OUT, { recursive: true });

  // 1. Merged title, a date line with a unit note, a blank line, header on row 4,
  //    a blank row inside, a SUM totals row (formula with cached result), a merged note.
  await save(
    "zh-title-totals.xlsx",
    sheet(
      "客户分级",
      [
        ["2024年上半年客户销售统计表"],
        ["统计日期：2024年6月30日", null, null, null, null, "单位：元"],
        [],
        ["序号", "客户名称", "联系人", "月均销售额（元）", "回款天数(天)", "备注"],
        [1, "杭州华信贸易有限公司", "王建国", 25000, 20],
        [2, "宁波恒达机械制造有限公司", "李敏", 20000, 31],
        [3, "苏州瑞丰电子科技有限公司", "张伟", 19999.99, 30],
        [],
        [4, "上海汇通物流有限公司", "陈静", 10000, 30],
        [5, "温州东方鞋业有限公司", "刘洋", 10000.01, 46, "老客户"],
        [6, "嘉兴永盛纺织有限公司", "赵丽", 5000, 31],
        [7, "绍兴华美印染有限公司", "孙强", 20000, 61],
        ["合计", null, null, { formula: "SUM(D5:D12)", result: 110000 }],
        [],
        ["备注：数据来源于财务部应收账款台账，每半年复核一次。"],
      ],
      (ws) => {
        ws.mergeCells("A1:F1");
        ws.mergeCells("A15:F15");
      },
    ),
  );

  // 2. Numbers as people type them: 万, 万元, ¥ and thousands separators, full-width digits,
  //    a full-width comma, text with stray spaces, "30 days"; header in row 1.
  await save(
    "zh-mixed-units.xlsx",
    sheet("Sheet1", [
      ["客户名称", "月销售额", "账期", "所属区域"],
      ["杭州华信贸易有限公司", "2万", "30天", "华东"],
      ["义乌小商品城国际商贸有限公司", "¥12,000", "45天", "华东"],
      ["台州精工模具有限公司", "1.5万元", "３０天", "华东"],
      ["湖州南浔木业有限公司", "8,500", "60", "华东"],
      ["金华双龙汽配有限公司", "12，000元", "60天", "华东"],
      ["丽水绿谷农业开发有限公司", 3000, 15, "华东"],
      ["舟山海天水产有限公司", " 25000 ", "30 days", "华东"],
      ["衢州金科化工有限公司", "0.2万", "61天", "华东"],
      ["福州闽江茶业有限公司", "3千", "20天", "华南"],
    ]),
  );

  // 3. Bad values: 待定, a #N/A from a failed lookup, negative days, negative sales,
  //    a missing value, text days, a duplicate customer, a row with no name.
  await save(
    "zh-bad-values.xlsx",
    sheet("客户台账", [
      ["客户回款情况表（2024年5月）"],
      ["客户名称", "月均销售额", "回款天数", "客户经理"],
      ["温州瓯海电器有限公司", "待定", 30, "周明"],
      ["宁波北仑港务物资有限公司", { formula: "VLOOKUP(A4,销售!A:B,2,FALSE)", result: { error: "#N/A" } }, 25, "吴芳"],
      ["绍兴柯桥轻纺城贸易有限公司", 18000, -5, "郑凯"],
      ["杭州萧山五金有限公司", -3000, 20, "周明"],
      ["湖州德清建材有限公司", null, 40, "吴芳"],
      ["杭州华信贸易有限公司", 22000, 28, "郑凯"],
      ["杭州华信贸易有限公司", 21000, 35, "郑凯"],
      ["嘉兴海宁皮革有限公司", 9000, "见合同", "周明"],
      [null, 15000, 30, "吴芳"],
    ]),
  );

  // 4. English: merged title, a "Prepared" line, rich text, a hyperlink, a Total row, a closing note.
  await save(
    "en-customers.xlsx",
    sheet(
      "Customers",
      [
        ["Customer list — Q2 2024"],
        ["Prepared:", day("2024-07-01")],
        [],
        ["Customer", "Region", "Monthly Sales (¥)", "Payment Days", "Account Manager"],
        [{ richText: [{ text: "Northwind " }, { font: { bold: true }, text: "Trading Ltd" }] }, "East", 24500, 28, "Alice Chen"],
        [{ text: "Contoso Pharma Co.", hyperlink: "https://contoso.example/" }, "North", "$18,000", 35, "Bob Li"],
        ["Fabrikam Industrial", "South", 4800, "62 days", "Alice Chen"],
        ["Tailspin Toys", "East", "12k", 45, "Carol Wu"],
        ["Total", null, { formula: "SUM(C5:C8)", result: 59300 }],
        ["Note: figures in CNY per month, excluding VAT."],
      ],
      (ws) => ws.mergeCells("A1:E1"),
    ),
  );

  // 5. An Excel table (ListObject) with a totals row, placed at B3, with a title above
  //    and a notes block to its right that detection alone could mistake for data.
  await save(
    "zh-excel-table.xlsx",
    sheet(
      "台账",
      [
        ["客户月度台账"],
        [],
        [],
        [],
        [null, null, null, null, null, null, "说明", "本表由销售部维护"],
        [null, null, null, null, null, null, "更新", "每月5日前"],
      ],
      (ws) => {
        ws.addTable({
          name: "客户表",
          ref: "B3",
          headerRow: true,
          totalsRow: true,
          style: { theme: "TableStyleMedium2", showRowStripes: true },
          columns: [
            { name: "客户", totalsRowLabel: "汇总" },
            { name: "月均消费", totalsRowFunction: "sum" },
            { name: "付款天数" },
            { name: "等级" },
          ],
          rows: [
            ["南京金陵酒店用品有限公司", 32000, 25, ""],
            ["合肥徽商电器有限公司", 16000, 40, ""],
            ["南昌赣江建材有限公司", 7500, 55, ""],
            ["武汉江城医疗器械有限公司", 4200, 90, ""],
          ],
        });
      },
    ),
  );

  // 6. Headers that match no preset field (an inventory sheet).
  await save(
    "zh-no-preset.xlsx",
    sheet("库存", [
      ["产品编号", "产品名称", "规格", "库存数量", "单价"],
      ["P-001", "不锈钢保温杯", "500ml", 1200, 45],
      ["P-002", "陶瓷马克杯", "350ml", 800, 18],
      ["P-003", "玻璃水杯", "400ml", 2500, 12],
    ]),
  );

  // 7. orders-volume with the volume in thousands (累计数量（K）) and counts typed as 7单.
  await save(
    "zh-orders-volume.xlsx",
    sheet("订单统计", [
      ["客户", "订单数", "累计数量（K）"],
      ["深圳华强电子有限公司", 7, 50],
      ["东莞长安五金制品厂", 2, 200],
      ["惠州亿纬新能源有限公司", "6单", 150],
      ["珠海格力配套件有限公司", 4, 12],
      ["中山小榄灯饰有限公司", "5单", 8],
    ]),
  );

  // 8. close-time: need in words (中文 and English), months or an expected close date, last contact.
  await save(
    "zh-close-time.xlsx",
    sheet("跟进", [
      ["客户名称", "需求状态", "预计成交时间", "最近联系日期"],
      ["成都天府软件园有限公司", "明确", 1, day("2024-05-30")],
      ["重庆两江物流有限公司", "明确", day("2024-08-15"), day("2024-05-20")],
      ["西安高新电子有限公司", "需求明确", 5, day("2024-05-10")],
      ["昆明滇池花卉有限公司", "潜在", 2, day("2024-04-01")],
      ["贵阳数谷科技有限公司", "无", null, day("2023-12-01")],
      ["南宁东盟商贸有限公司", "明确", day("2024-03-01"), day("2024-05-28")],
      ["兰州黄河机电有限公司", "有需求", 12, day("2024-05-15")],
      ["Lhasa Highland Trading", "Clear", 0.5, "2024-05-31"],
    ]),
  );

  // 9. nine-grid (pharma): hospital level × doctor title, prescribing; synonyms and full-width text.
  await save(
    "zh-nine-grid.xlsx",
    sheet("医生分级", [
      ["医生姓名", "医院级别", "医生职称", "处方行为"],
      ["王医生", "三级", "副主任医师", "首选"],
      ["李医生", "二级", "住院医师", "首选"],
      ["张医生", "二级以下", "住院医师", "次选"],
      ["刘医生", "三级", "住院医师", "竞品"],
      ["陈医生", "三甲", "主治", "ＦＩＲＳＴ ＣＨＯＩＣＥ"],
      ["杨医生", "二级", "主任", "不确定"],
    ]),
  );

  // 10. sales-stage, English headers, stage written as code, name, or code-name.
  await save(
    "en-sales-stage.xlsx",
    sheet("Pipeline", [
      ["Company", "Stage", "Owner"],
      ["Adventure Works", "A05", "Dana"],
      ["Wide World Importers", "积极回应", "Eli"],
      ["Litware Inc.", "Won", "Dana"],
      ["Proseware", "a02", "Fay"],
      ["Woodgrove Bank", "A03-冲刺级", "Eli"],
      ["Coho Winery", "【A04-价格级】", "Fay"],
      ["Margie's Travel", "pending", "Dana"],
    ]),
  );

  // 11. Region sections: merged section labels, 小计 after each, a repeated header, 合计, a signature line.
  await save(
    "zh-sections.xlsx",
    sheet(
      "分区",
      [
        ["客户名称", "月均销售额", "回款天数"],
        ["华东区"],
        ["上海浦江化工有限公司", 26000, 15],
        ["南通江海纺织有限公司", 9000, 40],
        ["小计", 35000],
        ["客户名称", "月均销售额", "回款天数"],
        ["华南区"],
        ["广州白云皮具有限公司", 15000, 50],
        ["佛山南海陶瓷有限公司", 4000, 75],
        ["小计", 19000],
        ["合计", 54000],
        [],
        ["制表人：张三    审核人：李四"],
      ],
      (ws) => {
        ws.mergeCells("A2:C2");
        ws.mergeCells("A7:C7");
      },
    ),
  );

  // 12. potential-4 with the amount in 万元: plain numbers are scaled, `2万` is taken as written.
  await save(
    "zh-wanyuan.xlsx",
    sheet("潜在客户", [
      ["客户名称", "预计成交月数", "预计月成交金额（万元）"],
      ["厦门鹭岛贸易有限公司", 8, 12],
      ["泉州晋江鞋服有限公司", 5, 3],
      ["漳州龙海食品有限公司", 14, 1.5],
      ["莆田木兰家具有限公司", 10, "2万"],
      ["三明沙县小吃连锁有限公司", 2, 0.8],
    ]),
  );

  // 13. GBK CSV, as Excel in China saves it: quoted thousands, 万, 天, a phone with a leading zero.
  writeGbk(
    "zh-gbk.csv",
    [
      "客户名称,联系电话,月均销售额,回款天数",
      "杭州华信贸易有限公司,0571-88886666,2万,30天",
      '宁波恒达机械制造有限公司,0574-87776655,"12,000",45',
      "温州东方鞋业有限公司,0577-86661234,5000,31天",
      "绍兴华美印染有限公司,0575-85553322,20000,待定",
      "",
    ].join("\r\n"),
  );

  // 14. UTF-8 with BOM: a title line and a blank line before the header, a 合计 row.
  fs.writeFileSync(
    path.join(OUT, "zh-utf8-bom.csv"),
    "\ufeff" +
      [
        "客户销售明细（2024年6月）,,",
        ",,",
        "客户,月均销售额,账期",
        "苏州工业园区精密制造有限公司,21000,25",
        "无锡太湖电缆有限公司,9800,33",
        "常州武进新材料有限公司,1.2万,50天",
        "合计,41800,",
        "",
      ].join("\r\n"),
  );

  // 15. English UTF-8 CSV without BOM: "Company", "Sales (¥)", "DSO", quoted amounts, a Grand Total.
  fs.writeFileSync(
    path.join(OUT, "en-plain.csv"),
    [
      "Company,Sales (¥),DSO",
      'Blue Yonder Airlines,"¥21,000",30',
      'Alpine Ski House,"9,999.50",44',
      "Graphic Design Institute,5000,-3",
      'Grand Total,"35,999.50",',
      "",
    ].join("\n"),
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
