using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace GenreML.Inference.Answers;

/// <summary>
/// <see cref="Math.Pow"/>(10, y) and <see cref="Math.Log(double)"/>(x) four values at a time, bit for bit what glibc's
/// <c>pow</c> and <c>log</c> return on x64 Linux with FMA (glibc 2.28 or later ships Arm's optimized-routines
/// algorithms, MIT licensed): the same table lookups and the same fused multiply-adds in the same order, read off the
/// disassembly of glibc 2.41's <c>__ieee754_pow_fma</c> and <c>__ieee754_log_fma</c>, restricted to the inputs on
/// which glibc takes its main path (<see cref="CoversPowerOfTen"/>, <see cref="CoversLog"/>; callers use
/// <see cref="Math"/> for the rest). Checked against every float dB value whose 10^(dB/10) is covered (about 10⁹
/// values; their logarithms too) and 75 million other logarithms, without a difference; and at start-up against
/// <see cref="Math"/> on 4 096 values each: <see cref="IsExact"/> is false, and callers use <see cref="Math"/>,
/// wherever the platform's functions differ or FMA/AVX2 is missing.
/// </summary>
internal static class VectorLibm
{
    private const double PowerMinAbs = 8.881784197001252E-16; // 2^-50
    private const double PowerMaxAbs = 200;

    // pow(10, y) = exp(y·log 10); glibc's pow computes log 10 as the double-double LogTenHi + LogTenLo.
    private static readonly double LogTenHi = BitConverter.UInt64BitsToDouble(0x40026BB1BBB55516);
    private static readonly double LogTenLo = BitConverter.UInt64BitsToDouble(0xBCAF48AD48200000);

    // exp: 128/ln 2, −ln 2/128 (hi, lo), the polynomial C2…C5 and the rounding shift 1.5·2^52.
    private static readonly double InvLn2N = BitConverter.UInt64BitsToDouble(0x40671547652B82FE);
    private static readonly double NegLn2HiN = BitConverter.UInt64BitsToDouble(0xBF762E42FEFA0000);
    private static readonly double NegLn2LoN = BitConverter.UInt64BitsToDouble(0xBD0CF79ABC9E3B3A);
    private static readonly double C2 = BitConverter.UInt64BitsToDouble(0x3FDFFFFFFFFFFDBD);
    private static readonly double C3 = BitConverter.UInt64BitsToDouble(0x3FC555555555543C);
    private static readonly double C4 = BitConverter.UInt64BitsToDouble(0x3FA55555CF172B91);
    private static readonly double C5 = BitConverter.UInt64BitsToDouble(0x3F81111167A4D017);
    private static readonly double Shift = BitConverter.UInt64BitsToDouble(0x4338000000000000);

    // log: ln 2 (hi, lo) and the polynomial A0…A4.
    private static readonly double Ln2Hi = BitConverter.UInt64BitsToDouble(0x3FE62E42FEFA3800);
    private static readonly double Ln2Lo = BitConverter.UInt64BitsToDouble(0x3D2EF35793C76730);
    private static readonly double A0 = BitConverter.UInt64BitsToDouble(0xBFE0000000000001);
    private static readonly double A1 = BitConverter.UInt64BitsToDouble(0x3FD555555551305B);
    private static readonly double A2 = BitConverter.UInt64BitsToDouble(0xBFCFFFFFFFEB4590);
    private static readonly double A3 = BitConverter.UInt64BitsToDouble(0x3FC999B324F10111);
    private static readonly double A4 = BitConverter.UInt64BitsToDouble(0xBFC55575E506C89F);

    /// <summary>
    /// exp's table: entry 2i is the tail of 2^(i/128) (the rounding error of entry 2i + 1), entry 2i + 1 the bits of
    /// 2^(i/128) minus i·2⁴⁵ (so that adding k·2⁴⁵ gives 2^(k/128)).
    /// </summary>
    private static readonly ulong[] ExpTable =
    [
        0x0000000000000000, 0x3FF0000000000000, 0x3C9B3B4F1A88BF6E, 0x3FEFF63DA9FB3335,
        0xBC7160139CD8DC5D, 0x3FEFEC9A3E778061, 0xBC905E7A108766D1, 0x3FEFE315E86E7F85,
        0x3C8CD2523567F613, 0x3FEFD9B0D3158574, 0xBC8BCE8023F98EFA, 0x3FEFD06B29DDF6DE,
        0x3C60F74E61E6C861, 0x3FEFC74518759BC8, 0x3C90A3E45B33D399, 0x3FEFBE3ECAC6F383,
        0x3C979AA65D837B6D, 0x3FEFB5586CF9890F, 0x3C8EB51A92FDEFFC, 0x3FEFAC922B7247F7,
        0x3C3EBE3D702F9CD1, 0x3FEFA3EC32D3D1A2, 0xBC6A033489906E0B, 0x3FEF9B66AFFED31B,
        0xBC9556522A2FBD0E, 0x3FEF9301D0125B51, 0xBC5080EF8C4EEA55, 0x3FEF8ABDC06C31CC,
        0xBC91C923B9D5F416, 0x3FEF829AAEA92DE0, 0x3C80D3E3E95C55AF, 0x3FEF7A98C8A58E51,
        0xBC801B15EAA59348, 0x3FEF72B83C7D517B, 0xBC8F1FF055DE323D, 0x3FEF6AF9388C8DEA,
        0x3C8B898C3F1353BF, 0x3FEF635BEB6FCB75, 0xBC96D99C7611EB26, 0x3FEF5BE084045CD4,
        0x3C9AECF73E3A2F60, 0x3FEF54873168B9AA, 0xBC8FE782CB86389D, 0x3FEF4D5022FCD91D,
        0x3C8A6F4144A6C38D, 0x3FEF463B88628CD6, 0x3C807A05B0E4047D, 0x3FEF3F49917DDC96,
        0x3C968EFDE3A8A894, 0x3FEF387A6E756238, 0x3C875E18F274487D, 0x3FEF31CE4FB2A63F,
        0x3C80472B981FE7F2, 0x3FEF2B4565E27CDD, 0xBC96B87B3F71085E, 0x3FEF24DFE1F56381,
        0x3C82F7E16D09AB31, 0x3FEF1E9DF51FDEE1, 0xBC3D219B1A6FBFFA, 0x3FEF187FD0DAD990,
        0x3C8B3782720C0AB4, 0x3FEF1285A6E4030B, 0x3C6E149289CECB8F, 0x3FEF0CAFA93E2F56,
        0x3C834D754DB0ABB6, 0x3FEF06FE0A31B715, 0x3C864201E2AC744C, 0x3FEF0170FC4CD831,
        0x3C8FDD395DD3F84A, 0x3FEEFC08B26416FF, 0xBC86A3803B8E5B04, 0x3FEEF6C55F929FF1,
        0xBC924AEDCC4B5068, 0x3FEEF1A7373AA9CB, 0xBC9907F81B512D8E, 0x3FEEECAE6D05D866,
        0xBC71D1E83E9436D2, 0x3FEEE7DB34E59FF7, 0xBC991919B3CE1B15, 0x3FEEE32DC313A8E5,
        0x3C859F48A72A4C6D, 0x3FEEDEA64C123422, 0xBC9312607A28698A, 0x3FEEDA4504AC801C,
        0xBC58A78F4817895B, 0x3FEED60A21F72E2A, 0xBC7C2C9B67499A1B, 0x3FEED1F5D950A897,
        0x3C4363ED60C2AC11, 0x3FEECE086061892D, 0x3C9666093B0664EF, 0x3FEECA41ED1D0057,
        0x3C6ECCE1DAA10379, 0x3FEEC6A2B5C13CD0, 0x3C93FF8E3F0F1230, 0x3FEEC32AF0D7D3DE,
        0x3C7690CEBB7AAFB0, 0x3FEEBFDAD5362A27, 0x3C931DBDEB54E077, 0x3FEEBCB299FDDD0D,
        0xBC8F94340071A38E, 0x3FEEB9B2769D2CA7, 0xBC87DECCDC93A349, 0x3FEEB6DAA2CF6642,
        0xBC78DEC6BD0F385F, 0x3FEEB42B569D4F82, 0xBC861246EC7B5CF6, 0x3FEEB1A4CA5D920F,
        0x3C93350518FDD78E, 0x3FEEAF4736B527DA, 0x3C7B98B72F8A9B05, 0x3FEEAD12D497C7FD,
        0x3C9063E1E21C5409, 0x3FEEAB07DD485429, 0x3C34C7855019C6EA, 0x3FEEA9268A5946B7,
        0x3C9432E62B64C035, 0x3FEEA76F15AD2148, 0xBC8CE44A6199769F, 0x3FEEA5E1B976DC09,
        0xBC8C33C53BEF4DA8, 0x3FEEA47EB03A5585, 0xBC845378892BE9AE, 0x3FEEA34634CCC320,
        0xBC93CEDD78565858, 0x3FEEA23882552225, 0x3C5710AA807E1964, 0x3FEEA155D44CA973,
        0xBC93B3EFBF5E2228, 0x3FEEA09E667F3BCD, 0xBC6A12AD8734B982, 0x3FEEA012750BDABF,
        0xBC6367EFB86DA9EE, 0x3FEE9FB23C651A2F, 0xBC80DC3D54E08851, 0x3FEE9F7DF9519484,
        0xBC781F647E5A3ECF, 0x3FEE9F75E8EC5F74, 0xBC86EE4AC08B7DB0, 0x3FEE9F9A48A58174,
        0xBC8619321E55E68A, 0x3FEE9FEB564267C9, 0x3C909CCB5E09D4D3, 0x3FEEA0694FDE5D3F,
        0xBC7B32DCB94DA51D, 0x3FEEA11473EB0187, 0x3C94ECFD5467C06B, 0x3FEEA1ED0130C132,
        0x3C65EBE1ABD66C55, 0x3FEEA2F336CF4E62, 0xBC88A1C52FB3CF42, 0x3FEEA427543E1A12,
        0xBC9369B6F13B3734, 0x3FEEA589994CCE13, 0xBC805E843A19FF1E, 0x3FEEA71A4623C7AD,
        0xBC94D450D872576E, 0x3FEEA8D99B4492ED, 0x3C90AD675B0E8A00, 0x3FEEAAC7D98A6699,
        0x3C8DB72FC1F0EAB4, 0x3FEEACE5422AA0DB, 0xBC65B6609CC5E7FF, 0x3FEEAF3216B5448C,
        0x3C7BF68359F35F44, 0x3FEEB1AE99157736, 0xBC93091FA71E3D83, 0x3FEEB45B0B91FFC6,
        0xBC5DA9B88B6C1E29, 0x3FEEB737B0CDC5E5, 0xBC6C23F97C90B959, 0x3FEEBA44CBC8520F,
        0xBC92434322F4F9AA, 0x3FEEBD829FDE4E50, 0xBC85CA6CD7668E4B, 0x3FEEC0F170CA07BA,
        0x3C71AFFC2B91CE27, 0x3FEEC49182A3F090, 0x3C6DD235E10A73BB, 0x3FEEC86319E32323,
        0xBC87C50422622263, 0x3FEECC667B5DE565, 0x3C8B1C86E3E231D5, 0x3FEED09BEC4A2D33,
        0xBC91BBD1D3BCBB15, 0x3FEED503B23E255D, 0x3C90CC319CEE31D2, 0x3FEED99E1330B358,
        0x3C8469846E735AB3, 0x3FEEDE6B5579FDBF, 0xBC82DFCD978E9DB4, 0x3FEEE36BBFD3F37A,
        0x3C8C1A7792CB3387, 0x3FEEE89F995AD3AD, 0xBC907B8F4AD1D9FA, 0x3FEEEE07298DB666,
        0xBC55C3D956DCAEBA, 0x3FEEF3A2B84F15FB, 0xBC90A40E3DA6F640, 0x3FEEF9728DE5593A,
        0xBC68D6F438AD9334, 0x3FEEFF76F2FB5E47, 0xBC91EEE26B588A35, 0x3FEF05B030A1064A,
        0x3C74FFD70A5FDDCD, 0x3FEF0C1E904BC1D2, 0xBC91BDFBFA9298AC, 0x3FEF12C25BD71E09,
        0x3C736EAE30AF0CB3, 0x3FEF199BDD85529C, 0x3C8EE3325C9FFD94, 0x3FEF20AB5FFFD07A,
        0x3C84E08FD10959AC, 0x3FEF27F12E57D14B, 0x3C63CDAF384E1A67, 0x3FEF2F6D9406E7B5,
        0x3C676B2C6C921968, 0x3FEF3720DCEF9069, 0xBC808A1883CCB5D2, 0x3FEF3F0B555DC3FA,
        0xBC8FAD5D3FFFFA6F, 0x3FEF472D4A07897C, 0xBC900DAE3875A949, 0x3FEF4F87080D89F2,
        0x3C74A385A63D07A7, 0x3FEF5818DCFBA487, 0xBC82919E2040220F, 0x3FEF60E316C98398,
        0x3C8E5A50D5C192AC, 0x3FEF69E603DB3285, 0x3C843A59AC016B4B, 0x3FEF7321F301B460,
        0xBC82D52107B43E1F, 0x3FEF7C97337B9B5F, 0xBC892AB93B470DC9, 0x3FEF864614F5A129,
        0x3C74B604603A88D3, 0x3FEF902EE78B3FF6, 0x3C83C5EC519D7271, 0x3FEF9A51FBC74C83,
        0xBC8FF7128FD391F0, 0x3FEFA4AFA2A490DA, 0xBC8DAE98E223747D, 0x3FEFAF482D8E67F1,
        0x3C8EC3BC41AA2008, 0x3FEFBA1BEE615A27, 0x3C842B94C3A9EB32, 0x3FEFC52B376BBA97,
        0x3C8A64A931D185EE, 0x3FEFD0765B6E4540, 0xBC8E37BAE43BE3ED, 0x3FEFDBFDAD9CBE14,
        0x3C77893B4D91CD9D, 0x3FEFE7C1819E90D8, 0x3C5305C14160CC89, 0x3FEFF3C22B8F71F1,
    ];

    /// <summary>log's table: entry 2i is 1/c, entry 2i + 1 log(c) for the i-th of 128 subintervals of [0x1.6p-1, 0x1.6p0).</summary>
    private static readonly ulong[] LogTable =
    [
        0x3FF734F0C3E0DE9F, 0xBFD7CC7F79E69000, 0x3FF713786A2CE91F, 0xBFD76FEEC20D0000,
        0x3FF6F26008FAB5A0, 0xBFD713E31351E000, 0x3FF6D1A61F138C7D, 0xBFD6B85B38287800,
        0x3FF6B1490BC5B4D1, 0xBFD65D5590807800, 0x3FF69147332F0CBA, 0xBFD602D076180000,
        0x3FF6719F18224223, 0xBFD5A8CA86909000, 0x3FF6524F99A51ED9, 0xBFD54F4356035000,
        0x3FF63356AA8F24C4, 0xBFD4F637C36B4000, 0x3FF614B36B9DDC14, 0xBFD49DA7FDA85000,
        0x3FF5F66452C65C4C, 0xBFD445923989A800, 0x3FF5D867B5912C4F, 0xBFD3EDF439B0B800,
        0x3FF5BABCCB5B90DE, 0xBFD396CE448F7000, 0x3FF59D61F2D91A78, 0xBFD3401E17BDA000,
        0x3FF5805612465687, 0xBFD2E9E2EF468000, 0x3FF56397CEE76BD3, 0xBFD2941B3830E000,
        0x3FF54725E2A77F93, 0xBFD23EC58CDA8800, 0x3FF52AFF42064583, 0xBFD1E9E129279000,
        0x3FF50F22DBB2BDDF, 0xBFD1956D2B48F800, 0x3FF4F38F4734DED7, 0xBFD141679AB9F800,
        0x3FF4D843CFDE2840, 0xBFD0EDD094EF9800, 0x3FF4BD3EC078A3C8, 0xBFD09AA518DB1000,
        0x3FF4A27FC3E0258A, 0xBFD047E65263B800, 0x3FF4880524D48434, 0xBFCFEB224586F000,
        0x3FF46DCE1B192D0B, 0xBFCF474A7517B000, 0x3FF453D9D3391854, 0xBFCEA4443D103000,
        0x3FF43A2744B4845A, 0xBFCE020D44E9B000, 0x3FF420B54115F8FB, 0xBFCD60A22977F000,
        0x3FF40782DA3EF4B1, 0xBFCCC00104959000, 0x3FF3EE8F5D57FE8F, 0xBFCC202956891000,
        0x3FF3D5D9A00B4CE9, 0xBFCB81178D811000, 0x3FF3BD60C010C12B, 0xBFCAE2C9CCD3D000,
        0x3FF3A5242B75DAB8, 0xBFCA45402E129000, 0x3FF38D22CD9FD002, 0xBFC9A877681DF000,
        0x3FF3755BC5847A1C, 0xBFC90C6D69483000, 0x3FF35DCE49AD36E2, 0xBFC87120A645C000,
        0x3FF34679984DD440, 0xBFC7D68FB4143000, 0x3FF32F5CCEFFCB24, 0xBFC73CB83C627000,
        0x3FF3187775A10D49, 0xBFC6A39A9B376000, 0x3FF301C8373E3990, 0xBFC60B3154B7A000,
        0x3FF2EB4EBB95F841, 0xBFC5737D76243000, 0x3FF2D50A0219A9D1, 0xBFC4DC7B8FC23000,
        0x3FF2BEF9A8B7FD2A, 0xBFC4462C51D20000, 0x3FF2A91C7A0C1BAB, 0xBFC3B08ABC830000,
        0x3FF293726014B530, 0xBFC31B996B490000, 0x3FF27DFA5757A1F5, 0xBFC2875490A44000,
        0x3FF268B39B1D3BBF, 0xBFC1F3B9F879A000, 0x3FF2539D838FF5BD, 0xBFC160C8252CA000,
        0x3FF23EB7AAC9083B, 0xBFC0CE7F57F72000, 0x3FF22A012BA940B6, 0xBFC03CDC49FEA000,
        0x3FF2157996CC4132, 0xBFBF57BDBC4B8000, 0x3FF201201DD2FC9B, 0xBFBE370896404000,
        0x3FF1ECF4494D480B, 0xBFBD17983EF94000, 0x3FF1D8F5528F6569, 0xBFBBF9674ED8A000,
        0x3FF1C52311577E7C, 0xBFBADC79202F6000, 0x3FF1B17C74CB26E9, 0xBFB9C0C3E7288000,
        0x3FF19E010C2C1AB6, 0xBFB8A646B372C000, 0x3FF18AB07BB670BD, 0xBFB78D01B3AC0000,
        0x3FF1778A25EFBCB6, 0xBFB674F145380000, 0x3FF1648D354C31DA, 0xBFB55E0E6D878000,
        0x3FF151B990275FDD, 0xBFB4485CDEA1E000, 0x3FF13F0EA432D24C, 0xBFB333D94D6AA000,
        0x3FF12C8B7210F9DA, 0xBFB22079F8C56000, 0x3FF11A3028ECB531, 0xBFB10E4698622000,
        0x3FF107FBDA8434AF, 0xBFAFFA6C6AD20000, 0x3FF0F5EE0F4E6BB3, 0xBFADDA8D4A774000,
        0x3FF0E4065D2A9FCE, 0xBFABBCECE4850000, 0x3FF0D244632CA521, 0xBFA9A1894012C000,
        0x3FF0C0A77CE2981A, 0xBFA788583302C000, 0x3FF0AF2F83C636D1, 0xBFA5715E67D68000,
        0x3FF09DDB98A01339, 0xBFA35C8A49658000, 0x3FF08CABAF52E7DF, 0xBFA149E364154000,
        0x3FF07B9F2F4E28FB, 0xBF9E72C082EB8000, 0x3FF06AB58C358F19, 0xBF9A55F152528000,
        0x3FF059EEA5ECF92C, 0xBF963D62CF818000, 0x3FF04949CDD12C90, 0xBF9228FB8CAA0000,
        0x3FF038C6C6F0ADA9, 0xBF8C317B20F90000, 0x3FF02865137932A9, 0xBF8419355DAA0000,
        0x3FF0182427EA7348, 0xBF781203C2EC0000, 0x3FF008040614B195, 0xBF60040979240000,
        0x3FEFE01FF726FA1A, 0x3F6FEFF384900000, 0x3FEFA11CC261EA74, 0x3F87DC41353D0000,
        0x3FEF6310B081992E, 0x3F93CEA3C4C28000, 0x3FEF25F63CEEADCD, 0x3F9B9FC114890000,
        0x3FEEE9C8039113E7, 0x3FA1B0D8CE110000, 0x3FEEAE8078CBB1AB, 0x3FA58A5BD001C000,
        0x3FEE741AA29D0C9B, 0x3FA95C8340D88000, 0x3FEE3A91830A99B5, 0x3FAD276AEF578000,
        0x3FEE01E009609A56, 0x3FB07598E598C000, 0x3FEDCA01E577BB98, 0x3FB253F5E30D2000,
        0x3FED92F20B7C9103, 0x3FB42EDD8B380000, 0x3FED5CAC66FB5CCE, 0x3FB606598757C000,
        0x3FED272CAA5EDE9D, 0x3FB7DA76356A0000, 0x3FECF26E3E6B2CCD, 0x3FB9AB434E1C6000,
        0x3FECBE6DA2A77902, 0x3FBB78C7BB0D6000, 0x3FEC8B266D37086D, 0x3FBD431332E72000,
        0x3FEC5894BD5D5804, 0x3FBF0A3171DE6000, 0x3FEC26B533BB9F8C, 0x3FC067152B914000,
        0x3FEBF583EEECE73F, 0x3FC147858292B000, 0x3FEBC4FD75DB96C1, 0x3FC2266ECDCA3000,
        0x3FEB951E0C864A28, 0x3FC303D7A6C55000, 0x3FEB65E2C5EF3E2C, 0x3FC3DFC33C331000,
        0x3FEB374867C9888B, 0x3FC4BA366B7A8000, 0x3FEB094B211D304A, 0x3FC5933928D1F000,
        0x3FEADBE885F2EF7E, 0x3FC66ACD2418F000, 0x3FEAAF1D31603DA2, 0x3FC740F8EC669000,
        0x3FEA82E63FD358A7, 0x3FC815C0F51AF000, 0x3FEA5740EF09738B, 0x3FC8E92954F68000,
        0x3FEA2C2A90AB4B27, 0x3FC9BB3602F84000, 0x3FEA01A01393F2D1, 0x3FCA8BED1C2C0000,
        0x3FE9D79F24DB3C1B, 0x3FCB5B515C01D000, 0x3FE9AE2505C7B190, 0x3FCC2967CCBCC000,
        0x3FE9852EF297CE2F, 0x3FCCF635D5486000, 0x3FE95CBAEEA44B75, 0x3FCDC1BD3446C000,
        0x3FE934C69DE74838, 0x3FCE8C01B8CFE000, 0x3FE90D4F2F6752E6, 0x3FCF5509C0179000,
        0x3FE8E6528EFFD79D, 0x3FD00E6C121FB800, 0x3FE8BFCE9FCC007C, 0x3FD071B80E93D000,
        0x3FE899C0DABEC30E, 0x3FD0D46B9E867000, 0x3FE87427AA2317FB, 0x3FD13687334BD000,
        0x3FE84F00ACB39A08, 0x3FD1980D67234800, 0x3FE82A49E8653E55, 0x3FD1F8FFE0CC8000,
        0x3FE8060195F40260, 0x3FD2595FD7636800, 0x3FE7E22563E0A329, 0x3FD2B9300914A800,
        0x3FE7BEB377DCB5AD, 0x3FD3187210436000, 0x3FE79BAA679725C2, 0x3FD377266DEC1800,
        0x3FE77907F2170657, 0x3FD3D54FFBAF3000, 0x3FE756CADBD6130C, 0x3FD432EEE32FE000,
    ];

    /// <summary>Whether <see cref="PowerOfTen"/> and <see cref="Log"/> give exactly <see cref="Math"/>'s results here (checked once).</summary>
    public static bool IsExact { get; } = Fma.IsSupported && Avx2.IsSupported && AgreesWithMath();

    /// <summary>Whether every lane of <paramref name="y"/> is in <see cref="PowerOfTen"/>'s range, 2⁻⁵⁰ ≤ |y| ≤ 200 (false for NaN).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool CoversPowerOfTen(Vector256<double> y)
    {
        Vector256<double> magnitude = Vector256.Abs(y);
        return Vector256.GreaterThanOrEqualAll(magnitude, Vector256.Create(PowerMinAbs)) && Vector256.LessThanOrEqualAll(magnitude, Vector256.Create(PowerMaxAbs));
    }

    /// <summary>
    /// Whether every lane of <paramref name="x"/> is in <see cref="Log"/>'s range: 10⁻³⁰⁰ ≤ x ≤ 10³⁰⁰ and not within
    /// 0.93 … 1.07 (glibc's own path near 1 starts at 0.9375 and ends below 1.0647; false for NaN).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool CoversLog(Vector256<double> x) =>
        Vector256.GreaterThanOrEqualAll(x, Vector256.Create(1e-300)) && Vector256.LessThanOrEqualAll(x, Vector256.Create(1e300))
        && Vector256.EqualsAll(Vector256.GreaterThanOrEqual(x, Vector256.Create(0.93)) & Vector256.LessThanOrEqual(x, Vector256.Create(1.07)), Vector256<double>.Zero);

    /// <summary>10^y for lanes <see cref="CoversPowerOfTen"/> accepts; only call it when <see cref="IsExact"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> PowerOfTen(Vector256<double> y)
    {
        // y·log 10 as a double-double: ehi + elo.
        Vector256<double> ehi = Avx.Multiply(y, Vector256.Create(LogTenHi));
        Vector256<double> elo = Fma.MultiplyAdd(y, Vector256.Create(LogTenLo), Fma.MultiplySubtract(y, Vector256.Create(LogTenHi), ehi));

        // exp(ehi + elo) = 2^(k/128)·exp(r), k = round(ehi·128/ln 2).
        Vector256<double> kd = Fma.MultiplyAdd(ehi, Vector256.Create(InvLn2N), Vector256.Create(Shift));
        Vector256<ulong> ki = kd.AsUInt64();
        kd = Avx.Subtract(kd, Vector256.Create(Shift));
        Vector256<double> r = Fma.MultiplyAdd(kd, Vector256.Create(NegLn2HiN), ehi);
        r = Fma.MultiplyAdd(kd, Vector256.Create(NegLn2LoN), r);
        Vector256<ulong> index = Avx2.ShiftLeftLogical(Avx2.And(ki, Vector256.Create(0x7FUL)), 1);
        ref ulong table = ref MemoryMarshal.GetArrayDataReference(ExpTable);
        Vector256<ulong> tail = Gather(ref table, index);
        Vector256<ulong> bits = Avx2.Add(Gather(ref Unsafe.Add(ref table, 1), index), Avx2.ShiftLeftLogical(ki, 45));
        r = Avx.Add(elo, r);
        Vector256<double> r2 = Avx.Multiply(r, r);
        Vector256<double> tmp = Fma.MultiplyAdd(Fma.MultiplyAdd(r, Vector256.Create(C3), Vector256.Create(C2)), r2, Avx.Add(tail.AsDouble(), r));
        tmp = Fma.MultiplyAdd(Fma.MultiplyAdd(r, Vector256.Create(C5), Vector256.Create(C4)), Avx.Multiply(r2, r2), tmp);
        Vector256<double> scale = bits.AsDouble();
        return Fma.MultiplyAdd(tmp, scale, scale);
    }

    /// <summary>The natural logarithm for lanes <see cref="CoversLog"/> accepts; only call it when <see cref="IsExact"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Log(Vector256<double> x)
    {
        // x = 2^k·z with z near a table point c: log x = k·ln 2 + log c + log(z/c).
        Vector256<ulong> ix = x.AsUInt64();
        Vector256<ulong> tmp = Avx2.Subtract(ix, Vector256.Create(0x3FE6000000000000UL));
        Vector256<ulong> index = Avx2.ShiftLeftLogical(Avx2.And(Avx2.ShiftRightLogical(tmp, 45), Vector256.Create(0x7FUL)), 1);
        Vector256<double> kd = Vector256.ConvertToDouble(Vector256.ShiftRightArithmetic(tmp.AsInt64(), 52));
        Vector256<double> z = Avx2.Subtract(ix, Avx2.And(tmp, Vector256.Create(0xFFF0000000000000UL))).AsDouble();
        ref ulong table = ref MemoryMarshal.GetArrayDataReference(LogTable);
        Vector256<double> invc = Gather(ref table, index).AsDouble();
        Vector256<double> logc = Gather(ref Unsafe.Add(ref table, 1), index).AsDouble();
        Vector256<double> r = Fma.MultiplyAdd(z, invc, Vector256.Create(-1.0));
        Vector256<double> t1 = Fma.MultiplyAdd(kd, Vector256.Create(Ln2Hi), logc);
        Vector256<double> t2 = Avx.Add(r, t1);
        Vector256<double> lo2 = Fma.MultiplyAdd(kd, Vector256.Create(Ln2Lo), Avx.Add(Avx.Subtract(t1, t2), r));
        Vector256<double> r2 = Avx.Multiply(r, r);
        Vector256<double> p = Fma.MultiplyAdd(r, Vector256.Create(A2), Vector256.Create(A1));
        Vector256<double> q = Fma.MultiplyAdd(r, Vector256.Create(A4), Vector256.Create(A3));
        Vector256<double> s = Fma.MultiplyAdd(r2, Vector256.Create(A0), lo2);
        return Avx.Add(Fma.MultiplyAdd(Avx.Multiply(r, r2), Fma.MultiplyAdd(q, r2, p), s), t2);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ulong> Gather(ref ulong table, Vector256<ulong> index) => Vector256.Create(
        Unsafe.Add(ref table, (nint)index.GetElement(0)),
        Unsafe.Add(ref table, (nint)index.GetElement(1)),
        Unsafe.Add(ref table, (nint)index.GetElement(2)),
        Unsafe.Add(ref table, (nint)index.GetElement(3)));

    /// <summary>Compares both functions with <see cref="Math"/> on 4 096 covered values each (dB from −150 to 50, and their powers).</summary>
    private static bool AgreesWithMath()
    {
        var random = new Random(20);
        for (int i = 0; i < 1024; i++)
        {
            Vector256<double> y = Vector256.Create(Next(random), Next(random), Next(random), Next(random));
            if (!CoversPowerOfTen(y))
            {
                continue;
            }

            Vector256<double> power = PowerOfTen(y);
            bool logCovered = CoversLog(power);
            Vector256<double> log = logCovered ? Log(power) : power;
            for (int l = 0; l < 4; l++)
            {
                double expected = Math.Pow(10, y.GetElement(l));
                if (!Same(power.GetElement(l), expected) || (logCovered && !Same(log.GetElement(l), Math.Log(expected))))
                {
                    return false;
                }
            }
        }

        return true;

        static double Next(Random random) => (float)(random.NextDouble() * 200 - 150) / 10.0;

        static bool Same(double a, double b) => BitConverter.DoubleToInt64Bits(a) == BitConverter.DoubleToInt64Bits(b);
    }
}
