/**
 * Made-up customers for a template's example rows, as a sales admin would
 * keep them (names, contacts and example.* addresses are fictitious). Pharma
 * models list doctors, property models private buyers.
 */
import type { Lang } from "../model";

export interface Person {
  name: string;
  contact: string;
  phone: string;
  email: string;
  region: string;
  industry: string;
  size: string;
  channel: string;
}

type Row = [name: string, contact: string, phone: string, email: string, region: string, industry: string, size: string, channel: string];

const COMPANIES: Record<Lang, Row[]> = {
  "zh-CN": [
    ["杭州华信贸易有限公司", "王建国", "138-5712-3401", "wangjg@huaxin.example.cn", "华东", "批发贸易", "中型", "老客户介绍"],
    ["深圳鼎盛电子科技有限公司", "李敏", "139-2755-8802", "微信 limin_ds", "华南", "电子元件", "大型", "展会"],
    ["北京远航物流有限公司", "张伟", "136-0110-4503", "zhangwei@yuanhang.example.cn", "华北", "物流", "大型", "官网咨询"],
    ["成都青禾食品有限公司", "刘芳", "135-2881-6604", "微信 liufang_qh", "西南", "食品饮料", "小型", "电话拓展"],
    ["武汉金达电器有限公司", "陈磊", "137-2761-0205", "chenlei@jinda.example.cn", "华中", "家用电器", "中型", "展会"],
    ["苏州恒通精密机械有限公司", "赵静", "138-6251-7706", "微信 zhaojing_ht", "华东", "机械制造", "中型", "老客户介绍"],
    ["广州顺安建材有限公司", "黄勇", "139-2088-3107", "huangyong@shunan.example.cn", "华南", "建材", "小型", "网络广告"],
    ["西安博远医疗器械有限公司", "周丽", "136-2999-5408", "微信 zhouli_by", "西北", "医疗器械", "中型", "行业协会"],
    ["南京新诚包装材料有限公司", "吴强", "135-2558-9109", "wuqiang@xincheng.example.cn", "华东", "包装材料", "小型", "电话拓展"],
    ["天津海川化工有限公司", "孙涛", "137-2233-6410", "suntao@haichuan.example.cn", "华北", "化工", "大型", "招投标"],
    ["长沙瑞丰农业科技有限公司", "马超", "138-7311-2811", "微信 machao_rf", "华中", "农业", "微型", "网络广告"],
    ["厦门蓝海进出口有限公司", "林婷", "139-5922-4712", "linting@lanhai.example.cn", "华东", "进出口", "中型", "展会"],
  ],
  "en-US": [
    ["Harbor Lane Trading Co.", "Emma Collins", "+1 555-0101", "emma@harborlane.example.com", "Northeast", "Wholesale", "Medium", "Referral"],
    ["Brightline Electronics Ltd.", "Daniel Reyes", "+1 555-0102", "daniel@brightline.example.com", "West", "Electronics", "Large", "Trade show"],
    ["Summit Logistics Inc.", "Priya Shah", "+1 555-0103", "priya@summitlog.example.com", "Midwest", "Logistics", "Large", "Website"],
    ["Green Valley Foods", "Tom Becker", "+1 555-0104", "WeChat tom_becker", "South", "Food & drink", "Small", "Cold call"],
    ["Northwind Appliances", "Laura Kim", "+1 555-0105", "laura@northwind.example.com", "Northeast", "Appliances", "Medium", "Trade show"],
    ["Precision Tooling Corp.", "Marcus Hill", "+1 555-0106", "marcus@ptooling.example.com", "Midwest", "Machinery", "Medium", "Referral"],
    ["Oakridge Building Supply", "Sofia Martins", "+1 555-0107", "sofia@oakridge.example.com", "South", "Building supply", "Small", "Online ad"],
    ["Meridian Medical Devices", "James O'Neil", "+1 555-0108", "james@meridianmed.example.com", "West", "Medical devices", "Medium", "Association"],
    ["Bluepeak Packaging", "Hannah Wright", "+1 555-0109", "hannah@bluepeak.example.com", "Northeast", "Packaging", "Small", "Cold call"],
    ["Ironbridge Chemicals", "Victor Chen", "+1 555-0110", "victor@ironbridge.example.com", "South", "Chemicals", "Large", "Tender"],
    ["Sunfield Agritech", "Grace Liu", "+1 555-0111", "WeChat grace_sf", "West", "Agriculture", "Micro", "Online ad"],
    ["Coastline Import & Export", "Noah Patel", "+1 555-0112", "noah@coastline.example.com", "West", "Import/export", "Medium", "Trade show"],
  ],
};

const DOCTORS: Record<Lang, Row[]> = {
  "zh-CN": [
    ["杭州市第一人民医院 王建国", "王建国", "138-5712-5501", "微信 wang_cardio", "杭州", "心内科", "三级", "学术会议"],
    ["宁波市中心医院 李敏", "李敏", "139-5741-5502", "limin@nbzx.example.cn", "宁波", "内分泌科", "三级", "科室拜访"],
    ["绍兴县人民医院 张伟", "张伟", "136-5751-5503", "微信 zhangwei_sx", "绍兴", "呼吸科", "二级", "科室拜访"],
    ["嘉兴市妇幼保健院 刘芳", "刘芳", "135-5731-5504", "liufang@jxfy.example.cn", "嘉兴", "儿科", "二级", "学术会议"],
    ["湖州市南浔区卫生院 陈磊", "陈磊", "137-5721-5505", "微信 chenlei_nx", "湖州", "全科", "一级", "电话拜访"],
    ["温州医科大学附属医院 赵静", "赵静", "138-5771-5506", "zhaojing@wzfy.example.cn", "温州", "神经内科", "三级", "学术会议"],
  ],
  "en-US": [
    ["Dr. Emma Collins, St. Mary's Hospital", "Emma Collins", "+1 555-0201", "emma.collins@stmarys.example.org", "Boston", "Cardiology", "Tertiary", "Conference"],
    ["Dr. Daniel Reyes, Bayview Medical Center", "Daniel Reyes", "+1 555-0202", "d.reyes@bayview.example.org", "San Diego", "Endocrinology", "Tertiary", "Office visit"],
    ["Dr. Priya Shah, Riverside General", "Priya Shah", "+1 555-0203", "p.shah@riverside.example.org", "Columbus", "Pulmonology", "Secondary", "Office visit"],
    ["Dr. Tom Becker, Lakeside Children's", "Tom Becker", "+1 555-0204", "t.becker@lakeside.example.org", "Madison", "Pediatrics", "Secondary", "Conference"],
    ["Dr. Laura Kim, Pine Valley Clinic", "Laura Kim", "+1 555-0205", "l.kim@pinevalley.example.org", "Boise", "Family medicine", "Primary", "Phone call"],
    ["Dr. Marcus Hill, University Hospital", "Marcus Hill", "+1 555-0206", "m.hill@uhosp.example.org", "Denver", "Neurology", "Tertiary", "Conference"],
  ],
};

const BUYERS: Record<Lang, Row[]> = {
  "zh-CN": [
    ["陈志强", "陈志强", "138-5712-6601", "微信 chenzq88", "滨江区", "IT", "三口之家", "朋友推荐"],
    ["林晓燕", "林晓燕", "139-5712-6602", "linxy@example.cn", "西湖区", "教师", "两口之家", "案场来访"],
    ["周海峰", "周海峰", "136-5712-6603", "微信 zhouhf_hz", "上城区", "个体经营", "五口之家", "网络广告"],
    ["吴佳怡", "吴佳怡", "135-5712-6604", "wujy@example.cn", "余杭区", "医生", "单身", "老业主介绍"],
    ["郑国平", "郑国平", "137-5712-6605", "微信 zhenggp", "萧山区", "公务员", "三口之家", "案场来访"],
    ["何静", "何静", "138-5712-6606", "hejing@example.cn", "拱墅区", "会计", "两口之家", "电话邀约"],
  ],
  "en-US": [
    ["Michael & Anna Turner", "Michael Turner", "+1 555-0301", "mturner@example.com", "Riverside", "Engineer", "Family of 3", "Referral"],
    ["Olivia Grant", "Olivia Grant", "+1 555-0302", "olivia.grant@example.com", "Old Town", "Teacher", "Couple", "Walk-in"],
    ["Ethan Brooks", "Ethan Brooks", "+1 555-0303", "ebrooks@example.com", "Hillcrest", "Business owner", "Family of 5", "Online ad"],
    ["Chloe Rivera", "Chloe Rivera", "+1 555-0304", "chloe.r@example.com", "Lakeview", "Doctor", "Single", "Owner referral"],
    ["Samuel Ortiz", "Samuel Ortiz", "+1 555-0305", "sortiz@example.com", "Northgate", "Civil servant", "Family of 3", "Walk-in"],
    ["Ruth Ng", "Ruth Ng", "+1 555-0306", "ruth.ng@example.com", "Harbourside", "Accountant", "Couple", "Phone invite"],
  ],
};

/** Who the example customers of this model are (by preset id; companies otherwise). */
export function examplePeople(modelId: string, lang: Lang): Person[] {
  const rows = (modelId === "nine-grid" ? DOCTORS : modelId === "real-estate" ? BUYERS : COMPANIES)[lang];
  return rows.map(([name, contact, phone, email, region, industry, size, channel]) => ({ name, contact, phone, email, region, industry, size, channel }));
}
