-- The default organisation groups: companies whose papers Hugging Face files under several organisation names.
-- Only a new database's (or an upgraded one's) starting point: `pnpm scrape orgs group` and `orgs ungroup` edit them,
-- and the README lists them. Papers keep their organisation name; a group only maps names when views read them.
INSERT INTO "org_groups" ("name") VALUES
  ('Adobe'), ('Alibaba'), ('Amazon'), ('Ant Group'), ('ByteDance'), ('Google'), ('Huawei'), ('IBM'), ('JD.com'),
  ('Kuaishou'), ('Meituan'), ('Meta'), ('Microsoft'), ('NAVER'), ('NVIDIA'), ('OPPO'), ('ServiceNow'), ('Snap'),
  ('Tencent'), ('Xiaohongshu'), ('Xiaomi')
ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "org_group_members" ("group_name", "org_name") VALUES
  ('Adobe', 'adobe'), ('Adobe', 'adobe-research'),
  ('Alibaba', 'alibaba-inc'), ('Alibaba', 'alibabagroup'), ('Alibaba', 'AlibabaTongyiLab'),
  ('Alibaba', 'Alibaba-DAMO-Academy'), ('Alibaba', 'Alibaba-NLP'), ('Alibaba', 'Qwen'), ('Alibaba', 'Tongyi-MAI'),
  ('Amazon', 'amazon'), ('Amazon', 'amazon-agi'), ('Amazon', 'AmazonScience'), ('Amazon', 'Amazon-FAR'),
  ('Amazon', 'AWS'), ('Amazon', 'amazonwebservices'),
  ('Ant Group', 'antgroup'), ('Ant Group', 'AntResearch'),
  ('ByteDance', 'ByteDance'), ('ByteDance', 'ByteDance-Seed'), ('ByteDance', 'bytedance-research'),
  ('Google', 'google'), ('Google', 'deepmind'), ('Google', 'GoogleDeepMind'), ('Google', 'google-deepmind'),
  ('Huawei', 'huawei-noah'), ('Huawei', 'HuaweiTech'),
  ('IBM', 'ibm'), ('IBM', 'ibm-research'),
  ('JD.com', 'jingdong1'), ('JD.com', 'jdopensource'), ('JD.com', 'JD-company'),
  ('Kuaishou', 'kuaishou'), ('Kuaishou', 'kwaiAI'), ('Kuaishou', 'Kwai-Kolors'), ('Kuaishou', 'KwaiVGI'),
  ('Kuaishou', 'KwaiKeye'), ('Kuaishou', 'KlingTeam'),
  ('Meituan', 'meituan'), ('Meituan', 'meituan-longcat'),
  ('Meta', 'facebook'), ('Meta', 'metaresearch'), ('Meta', 'facebook-research'), ('Meta', 'meta-llama'),
  ('Meta', 'MetaSuperintelligenceLab'), ('Meta', 'meta-ai-for-media-research'),
  ('Microsoft', 'microsoft'), ('Microsoft', 'MicrosoftResearch'),
  ('NAVER', 'naver'), ('NAVER', 'naver-ai'), ('NAVER', 'Navercorpai'),
  ('NVIDIA', 'nvidia'), ('NVIDIA', 'NVIDIA-DIR'),
  ('OPPO', 'OPPOer'), ('OPPO', 'OppoAI'),
  ('ServiceNow', 'ServiceNow'), ('ServiceNow', 'ServiceNow-AI'),
  ('Snap', 'snap-research'), ('Snap', 'Snapchat'),
  ('Tencent', 'tencent'), ('Tencent', 'Tencent-Hunyuan'), ('Tencent', 'TencentARC'),
  ('Tencent', 'Tencent-Hunyuan-Multimodal-RL'),
  ('Xiaohongshu', 'xiaohongshu'), ('Xiaohongshu', 'XiaohongshuAI'), ('Xiaohongshu', 'rednote-hilab'),
  ('Xiaomi', 'xiaomi-research'), ('Xiaomi', 'XiaomiMiMo'), ('Xiaomi', 'XiaomiRobotics')
ON CONFLICT DO NOTHING;
