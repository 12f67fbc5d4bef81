package article

import "sync"

// Characters whose form tells the two written standards apart: each
// simplified character here has a different traditional form, listed at
// the same position (characters that are also in traditional use, such as
// 制 and 准, are left out). They are among the most frequent characters of
// running text, so a paragraph or two decides.
const (
	simplifiedOnly  = "们个这说时会国来对学见与为开关书长发经无点还让从过动后现实体区应当将么间问题电话语读边云图馆乐气东车门马鸟鱼号万处义礼岁觉观欢声头网页写听买卖钱银钟办师红绿蓝历亲认识请谁谈论议记设计许该类总统员选举术园场报纸样种级压权标证据检测复杂难双单儿两丽严龙齐专业丝乡临乌乔亚产亿仅众优伙伤伦佣侠侣侥俭债倾偿储兑兰兴养兽冈军农冯决况冻净凉减凑凤凭凯击凿刍刘则刚创删别剂剑剧劝务励劲劳势勋匀医华协卢卫却厂厅厌厕县参变叙叠叶叹吓吕吗启吴呐呗呛呜咏咙响哑哗唤啧啬啭啮啰啸喷喽嗫嗳"
	traditionalOnly = "們個這說時會國來對學見與為開關書長發經無點還讓從過動後現實體區應當將麼間問題電話語讀邊雲圖館樂氣東車門馬鳥魚號萬處義禮歲覺觀歡聲頭網頁寫聽買賣錢銀鐘辦師紅綠藍歷親認識請誰談論議記設計許該類總統員選舉術園場報紙樣種級壓權標證據檢測複雜難雙單兒兩麗嚴龍齊專業絲鄉臨烏喬亞產億僅眾優夥傷倫傭俠侶僥儉債傾償儲兌蘭興養獸岡軍農馮決況凍淨涼減湊鳳憑凱擊鑿芻劉則剛創刪別劑劍劇勸務勵勁勞勢勳勻醫華協盧衛卻廠廳厭廁縣參變敘疊葉嘆嚇呂嗎啟吳吶唄嗆嗚詠嚨響啞嘩喚嘖嗇囀齧囉嘯噴嘍囁噯"
)

// scriptOf maps each character of the two lists to +1 (traditional) or -1
// (simplified).
var scriptOf = sync.OnceValue(func() map[rune]int8 {
	m := map[rune]int8{}
	for _, r := range simplifiedOnly {
		m[r] = -1
	}
	for _, r := range traditionalOnly {
		m[r] = +1
	}
	return m
})

// decisive is how many telling characters detectScript needs: a few
// paragraphs' worth, so a long article is not read to the end.
const decisive = 400

// detectScript returns zh-Hant when the Chinese text is written mostly in
// traditional characters, else zh-Hans.
func detectScript(blocks []Block) string {
	of := scriptOf()
	simp, trad := 0, 0
	for _, b := range blocks {
		for _, p := range b.ZH {
			for _, r := range p.Text {
				switch of[r] {
				case -1:
					simp++
				case +1:
					trad++
				}
			}
		}
		if simp+trad >= decisive {
			break
		}
	}
	if trad > 2*simp && trad >= 3 {
		return "zh-Hant"
	}
	return "zh-Hans"
}
